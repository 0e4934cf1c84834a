package com.customk9.odoo.client.record;

import java.util.List;
import java.util.Optional;

/** A many2one value as Odoo reads it: {@code [id, display_name]}, or {@code false} when empty. */
public record Many2one(long id, String displayName) {

    /** The pair in {@code value} (or a bare id, as webhooks send it), empty for {@code false} or anything else. */
    public static Optional<Many2one> from(Object value) {
        Object plain = OdooValues.plain(value);
        // Exactly [id, name]: an x2many of two ids ([6, 5]) is not a pair.
        if (plain instanceof List<?> pair && pair.size() == 2 && pair.get(0) instanceof Number id
                && (pair.get(1) instanceof String || Boolean.FALSE.equals(pair.get(1)))) {
            String name = pair.get(1) instanceof String text ? text : null;
            return Optional.of(new Many2one(id.longValue(), name));
        }
        if (plain instanceof Number id) {
            return Optional.of(new Many2one(id.longValue(), null));
        }
        return Optional.empty();
    }
}
