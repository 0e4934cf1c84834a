package com.customk9.emulator.orm;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.customk9.emulator.model.OdooModels;

/**
 * The ORM without PostgreSQL, for unit tests of searching and ordering: a superuser {@link Environment} over one
 * in-memory transaction, on the real model registry, at a fixed time (2024-03-20 12:00 UTC).
 */
final class InMemoryOdoo {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-20T12:00:00Z"), ZoneOffset.UTC);

    final Environment env = new Environment(OdooModels.registry(), new Transaction(new RecordTables()),
            Environment.SUPERUSER_ID, new AccessPolicy(), CLOCK, new PasswordHasher(1000));

    InMemoryOdoo() {
        long currency = create("res.currency", "name", "USD", "symbol", "$");
        create("res.company", "name", "Test Company", "currency_id", currency);
        long partner = create("res.partner", "name", "OdooBot", "active", false);
        create("res.users", "login", "__system__", "partner_id", partner, "groups_id", false);
    }

    long create(String model, Object... keysAndValues) {
        return env.create(model, vals(keysAndValues));
    }

    List<Long> search(String model, List<?> domain) {
        return env.search(model, domain, 0, null, "id", true);
    }

    List<Long> search(String model, List<?> domain, String order) {
        return env.search(model, domain, 0, null, order, true);
    }

    static Map<String, Object> vals(Object... keysAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return values;
    }

    /** A domain term, as JSON carries it. */
    static List<Object> leaf(String field, String operator, Object value) {
        java.util.ArrayList<Object> term = new java.util.ArrayList<>();
        term.add(field);
        term.add(operator);
        term.add(value);
        return term;
    }
}
