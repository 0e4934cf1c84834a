package com.customk9.training.support;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.customk9.odoo.client.OdooClient;

import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Callers for the tests: the demo clients of the emulator, and new clients made per test. */
public final class Clients {

    public static final long ANNA_UID = 6;
    public static final long ANNA_PARTNER = 7;
    public static final long BEN_UID = 7;
    public static final long BEN_PARTNER = 8;
    public static final long SARAH_UID = 4;
    public static final long SARAH_PARTNER = 5;
    public static final long DOG_REX = 1;
    public static final long DOG_BELLA = 2;
    public static final long DOG_MAX = 3;

    /** User ids of test-made clients: far from Odoo's, only used as the idempotency scope. */
    private static final AtomicLong USER_IDS = new AtomicLong(900_000 + (System.nanoTime() % 10_000) * 10);

    private Clients() {
    }

    /** A client of their own (a new res.partner in Odoo), so a test's writes meet nobody else's. */
    public static Client newClient() {
        OdooClient odoo = Arc.container().instance(OdooClient.class).get();
        long partnerId = odoo.create("res.partner", Map.of("name", "Test Client", "customer_rank", 1))
                .await().atMost(Duration.ofSeconds(10));
        long userId = USER_IDS.incrementAndGet();
        return new Client(userId, partnerId, TestTokens.client(userId, partnerId));
    }

    public static RequestSpecification as(String token) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    public record Client(long userId, long partnerId, String token) {
        public RequestSpecification request() {
            return as(token);
        }
    }
}
