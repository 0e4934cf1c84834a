package com.customk9.attendance.person;

import java.time.OffsetDateTime;
import java.util.Map;

/** A person who can be marked present; {@code ref} is the internal row id, {@code personId} the client's id. */
public record Person(long ref, String personId, String name, String email, String department, String position,
        String status, OffsetDateTime createdAt, Map<String, Object> metadata) {
}
