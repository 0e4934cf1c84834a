package com.customk9.platform.error;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

/** Turns Bean Validation violations into field-by-field details: {@code {"email": ["must not be blank"]}}. */
final class ValidationDetails {

    private ValidationDetails() {
    }

    static Map<String, List<String>> of(Iterable<? extends ConstraintViolation<?>> violations) {
        Map<String, List<String>> fields = new TreeMap<>();
        for (ConstraintViolation<?> violation : violations) {
            fields.computeIfAbsent(fieldName(violation.getPropertyPath()), key -> new ArrayList<>())
                    .add(violation.getMessage());
        }
        fields.values().forEach(messages -> messages.sort(String::compareTo));
        return fields;
    }

    static boolean concernsReturnValue(Iterable<? extends ConstraintViolation<?>> violations) {
        for (ConstraintViolation<?> violation : violations) {
            for (Path.Node node : violation.getPropertyPath()) {
                if (node.getKind() == ElementKind.RETURN_VALUE) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The path as the client knows it: a method parameter's own name for query and path parameters,
     * and the dotted property path inside a request body ({@code address.city}, {@code dogs[2].name}).
     */
    static String fieldName(Path path) {
        String parameter = null;
        StringBuilder property = new StringBuilder();
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                }
                case PARAMETER -> parameter = node.getName();
                default -> {
                    if (node.isInIterable()) {
                        property.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
                    }
                    if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
                        continue;
                    }
                    if (property.length() > 0) {
                        property.append('.');
                    }
                    property.append(node.getName());
                }
            }
        }
        if (property.length() > 0) {
            return property.toString();
        }
        return parameter != null ? parameter : path.toString();
    }
}
