package com.customk9.attendance.key;

import java.time.OffsetDateTime;
import java.util.List;

/** A stored API key (never its secret) and what it may do. */
public record ApiKey(long id, String name, List<String> permissions, String status, OffsetDateTime createdAt,
        OffsetDateTime expiresAt, OffsetDateTime lastUsed) {

    public boolean allows(String permission) {
        return permissions.contains("*") || permissions.contains(permission);
    }
}
