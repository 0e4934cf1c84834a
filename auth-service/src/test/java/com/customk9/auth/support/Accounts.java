package com.customk9.auth.support;

import static com.customk9.auth.support.Clients.freshAddress;
import static com.customk9.auth.support.Clients.from;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** New client accounts made through the registration endpoint, one per test that changes an account. */
public final class Accounts {

    public static final String PASSWORD = "Walkies-2026!";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Accounts() {
    }

    public static String newEmail() {
        return "client-" + System.nanoTime() + "-" + SEQUENCE.incrementAndGet() + "@example.org";
    }

    /** Registers a client and answers the token response (registration signs in). */
    public static Map<String, Object> register(String email) {
        return from(freshAddress()).body(Map.of("name", "Test Client", "email", email, "password", PASSWORD))
                .when().post("/api/auth/register").then().statusCode(201).extract().jsonPath().getMap("");
    }

    public static String access(Map<String, Object> tokens) {
        return (String) tokens.get("access");
    }

    public static String refresh(Map<String, Object> tokens) {
        return (String) tokens.get("refresh");
    }

    @SuppressWarnings("unchecked")
    public static long userId(Map<String, Object> tokens) {
        return ((Number) ((Map<String, Object>) tokens.get("user")).get("id")).longValue();
    }
}
