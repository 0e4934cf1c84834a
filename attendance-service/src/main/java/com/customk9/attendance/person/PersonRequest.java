package com.customk9.attendance.person;

import java.util.Map;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Create (person_id and name required) or update (any field) a person, as the seed's bodies are. */
public record PersonRequest(
        @JsonProperty("person_id") @Size(min = 1, max = 64) @Pattern(regexp = "[A-Za-z0-9._:@-]+",
                message = "may contain letters, digits and . _ : @ - only") String personId,
        @Size(min = 1, max = 200) String name,
        @Email @Size(max = 254) String email,
        @Size(max = 100) String department,
        @Size(max = 100) String position,
        @Pattern(regexp = "active|inactive", message = "must be active or inactive") String status,
        @Size(max = 50) Map<String, Object> metadata) {
}
