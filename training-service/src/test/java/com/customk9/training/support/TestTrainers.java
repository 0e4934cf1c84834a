package com.customk9.training.support;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.customk9.emulator.model.Groups;
import com.customk9.odoo.client.OdooClient;

import io.quarkus.arc.Arc;

/** Trainers made per test (new res.users in the trainer group), so one test's bookings meet nobody else's. */
public final class TestTrainers {

    private TestTrainers() {
    }

    public record Trainer(long userId, long partnerId) {
    }

    /** A trainer with this Odoo timezone (null: none). */
    public static Trainer newTrainer(String tz) {
        return newUser(tz, List.of(Groups.INTERNAL_USER, Groups.TRAINER));
    }

    /** An employee who is not a trainer. */
    public static Trainer newEmployee() {
        return newUser(null, List.of(Groups.INTERNAL_USER));
    }

    private static Trainer newUser(String tz, List<Long> groups) {
        OdooClient odoo = Arc.container().instance(OdooClient.class).get();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", "Test Trainer");
        values.put("login", "trainer-" + UUID.randomUUID() + "@test.customk9.example");
        values.put("groups_id", List.of(List.of(6, 0, groups)));
        if (tz != null) {
            values.put("tz", tz);
        }
        long userId = odoo.create("res.users", values).await().atMost(Duration.ofSeconds(10));
        long partnerId = odoo.read("res.users", List.of(userId), List.of("partner_id")).await()
                .atMost(Duration.ofSeconds(10)).get(0).many2oneId("partner_id").orElseThrow();
        return new Trainer(userId, partnerId);
    }
}
