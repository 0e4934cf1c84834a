package com.customk9.gateway.support;

import java.util.concurrent.ThreadLocalRandom;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * Requests as different clients: each call comes from its own made-up address (X-Forwarded-For,
 * trusted from the loopback in tests), so tests never share the anonymous per-IP bucket unless
 * they mean to.
 */
public final class Clients {

    private Clients() {
    }

    public static String randomIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    public static RequestSpecification anonymous() {
        return RestAssured.given().header("X-Forwarded-For", randomIp());
    }

    public static RequestSpecification from(String ip) {
        return RestAssured.given().header("X-Forwarded-For", ip);
    }

    public static RequestSpecification bearer(String token) {
        return anonymous().header("Authorization", "Bearer " + token);
    }
}
