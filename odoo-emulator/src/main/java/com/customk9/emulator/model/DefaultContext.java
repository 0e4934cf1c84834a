package com.customk9.emulator.model;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** What a field default may depend on: the acting user and the current time (UTC). */
public interface DefaultContext {

    long uid();

    /** The acting user's partner id, or {@code null}. */
    Long userPartnerId();

    LocalDateTime now();

    default LocalDate today() {
        return now().toLocalDate();
    }
}
