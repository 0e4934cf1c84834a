package com.customk9.auth.support;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** The demo accounts of the emulator, and requests as a client at an address of its own. */
public final class Clients {

    public static final String ANNA = "anna.client@customk9.example";
    public static final long ANNA_UID = 6;
    public static final long ANNA_PARTNER = 7;
    public static final String BEN = "ben.client@customk9.example";
    public static final String CLIENT_PASSWORD = "client";
    public static final String SARAH = "sarah.trainer@customk9.example";
    public static final String TRAINER_PASSWORD = "trainer";
    public static final String ADMIN = "admin";

    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    private Clients() {
    }

    /** A client address no other test uses (lockout counts per address), passed by the "gateway". */
    public static String freshAddress() {
        int n = ADDRESSES.getAndIncrement();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    public static RequestSpecification from(String address) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", address);
    }

    public static ValidatableResponse login(String email, String password) {
        return from(freshAddress()).body(Map.of("email", email, "password", password))
                .when().post("/api/auth/login").then();
    }

    /** Signs in and answers the token response as a map (fails the test unless it was 200). */
    public static Map<String, Object> signIn(String email, String password) {
        return login(email, password).statusCode(200).extract().jsonPath().getMap("");
    }

    public static RequestSpecification bearer(String accessToken) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + accessToken);
    }

    /** {@code POST /api/auth/refresh} with this refresh token. */
    public static ValidatableResponse refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refresh", refreshToken)).post("/api/auth/refresh").then();
    }
}
