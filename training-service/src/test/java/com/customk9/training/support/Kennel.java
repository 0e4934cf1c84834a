package com.customk9.training.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.customk9.emulator.model.Groups;
import com.customk9.emulator.orm.Orm;
import com.customk9.emulator.seed.DemoIds;
import com.customk9.odoo.client.OdooClient;
import com.customk9.training.support.Clients.Client;

import io.quarkus.arc.Arc;

/**
 * People and dogs of their own for a test, made in Odoo as real users (so what they author points at a
 * real res.users): a trainer (internal user), a client (portal user), a dog owned by one and trained by
 * the other. Made straight in the embedded emulator's ORM, as the integration user: set-up is not what
 * a test measures, so it costs no HTTP call nor Odoo-call counter.
 */
public final class Kennel {

    private Kennel() {
    }

    /** A trainer of their own: an internal user with a trainer's token. */
    public static Client trainer() {
        long partnerId = create("res.partner", Map.of("name", "Test Trainer"));
        long userId = create("res.users", Map.of("name", "Test Trainer", "login", login(), "partner_id", partnerId));
        return new Client(userId, partnerId, TestTokens.trainer(userId, partnerId));
    }

    /** A client of their own: a portal user with a client's token. */
    public static Client client() {
        long partnerId = create("res.partner", Map.of("name", "Test Client", "customer_rank", 1));
        long userId = create("res.users", Map.of("name", "Test Client", "login", login(), "partner_id", partnerId,
                "groups_id", List.of(List.of(6, 0, List.of(Groups.PORTAL)))));
        return new Client(userId, partnerId, TestTokens.client(userId, partnerId));
    }

    /** A dog of {@code owner}'s, trained by {@code trainer}. */
    public static long dog(Client owner, Client trainer) {
        long dog = create("customk9.dog", Map.of("name", "Test Dog", "owner_id", owner.partnerId(), "trainer_id",
                trainer.userId()));
        // the service may hold cached dog queries this dog now belongs in
        Arc.container().instance(OdooClient.class).get().invalidateModel("customk9.dog").await()
                .atMost(Duration.ofSeconds(5));
        return dog;
    }

    private static long create(String model, Map<String, Object> values) {
        return Arc.container().instance(Orm.class).get().create(DemoIds.INTEGRATION_UID, model, values);
    }

    private static String login() {
        return "test-" + UUID.randomUUID() + "@customk9.example";
    }
}
