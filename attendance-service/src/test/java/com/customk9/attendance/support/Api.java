package com.customk9.attendance.support;

import static io.restassured.RestAssured.given;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.customk9.attendance.key.ApiKeys;

import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;

/** API keys made straight through the service's key store, and requests that carry them. */
public final class Api {

    private Api() {
    }

    public static String key(String... permissions) {
        return key(null, permissions);
    }

    public static String key(OffsetDateTime expiresAt, String... permissions) {
        ApiKeys keys = Arc.container().instance(ApiKeys.class).get();
        return keys.create("test " + UUID.randomUUID(), permissions.length == 0 ? List.of("*") : List.of(permissions), expiresAt)
                .await().indefinitely().secret();
    }

    /** A request with a full-permission key in X-API-Key. */
    public static RequestSpecification admin() {
        return as(key("*"));
    }

    public static RequestSpecification as(String key) {
        return given().header("X-API-Key", key).contentType(ContentType.JSON);
    }

    public static String newPersonId() {
        return "EMP" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static void createPerson(String personId, String name) {
        admin().body(Map.of("person_id", personId, "name", name, "email", personId.toLowerCase() + "@example.com"))
                .post("/api/v1/persons").then().statusCode(201);
    }

    /** Sets a runtime setting (the duplicate window, auto-mark...). */
    public static void config(String key, Object value) {
        admin().body(Map.of("key", key, "value", value)).post("/api/v1/config").then().statusCode(200);
    }

    public static void sql(String statement) {
        Arc.container().instance(Pool.class).get().query(statement).execute().await().indefinitely();
    }
}
