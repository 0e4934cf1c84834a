package com.customk9.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.customk9.platform.error.ApiException;
import com.customk9.platform.error.ErrorCode;

/** Validation problems found by looking things up, gathered so one 400 names every bad field at once. */
public final class FieldProblems {

    private final Map<String, List<String>> problems = new TreeMap<>();

    public FieldProblems add(String field, String message) {
        problems.computeIfAbsent(field, key -> new ArrayList<>()).add(message);
        return this;
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** The 400 in the error envelope, {@code details} field by field, when anything was wrong. */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, ErrorCode.VALIDATION_ERROR.defaultMessage(), problems);
        }
    }
}
