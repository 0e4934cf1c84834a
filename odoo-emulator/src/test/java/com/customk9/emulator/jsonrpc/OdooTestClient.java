package com.customk9.emulator.jsonrpc;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * What the emulator's tests say to it: JSON-RPC calls as an external client makes them, and the
 * admin endpoints that reset it and switch faults on and off.
 */
public final class OdooTestClient {

    public static final String DB = "customk9";
    public static final String ADMIN_LOGIN = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    public static final String INTEGRATION_LOGIN = "integration@customk9.example";
    public static final String ADMIN_HEADER = "X-Emulator-Admin-Token";

    private static final AtomicInteger IDS = new AtomicInteger();

    private OdooTestClient() {
    }

    public static String adminToken() {
        return ConfigProvider.getConfig().getOptionalValue("customk9.emulator.admin-token", String.class)
                .orElse("customk9-emulator-local-admin");
    }

    public static String integrationApiKey() {
        return ConfigProvider.getConfig().getValue("customk9.emulator.integration-api-key", String.class);
    }

    /** The whole JSON-RPC answer of {@code service.method(*args)} on /jsonrpc. */
    public static Response rpc(String service, String method, Object... args) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("service", service);
        params.put("method", method);
        params.put("args", List.of(args));
        return given().contentType(ContentType.JSON).body(envelope(params)).post("/jsonrpc");
    }

    public static Map<String, Object> envelope(Map<String, Object> params) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", "2.0");
        body.put("method", "call");
        body.put("params", params);
        body.put("id", IDS.incrementAndGet());
        return body;
    }

    /** {@code execute_kw} as the user with that password or API key. */
    public static Response executeKw(long uid, String password, String model, String method, List<?> args, Map<String, ?> kwargs) {
        return rpc("object", "execute_kw", DB, uid, password, model, method, args, kwargs);
    }

    public static long integrationUid() {
        return login(INTEGRATION_LOGIN, integrationApiKey());
    }

    public static long adminUid() {
        return login(ADMIN_LOGIN, ADMIN_PASSWORD);
    }

    public static long login(String login, String password) {
        return rpc("common", "login", DB, login, password).then().statusCode(200).extract().jsonPath().getLong("result");
    }

    /** execute_kw as the integration user (API key), the result. */
    public static <T> T call(String model, String method, List<?> args, Map<String, ?> kwargs) {
        return executeKw(integrationUid(), integrationApiKey(), model, method, args, kwargs).then().statusCode(200)
                .extract().jsonPath().get("result");
    }

    public static void reset() {
        given().header(ADMIN_HEADER, adminToken()).post("/emulator/reset").then().statusCode(200);
    }

    public static void clearFaults() {
        given().header(ADMIN_HEADER, adminToken()).delete("/emulator/faults").then().statusCode(200);
        given().header(ADMIN_HEADER, adminToken()).delete("/emulator/clock").then().statusCode(200);
    }

    public static io.restassured.specification.RequestSpecification admin() {
        return given().header(ADMIN_HEADER, adminToken()).contentType(ContentType.JSON);
    }

    public static String sessionToken(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/v2/auth/login").then().statusCode(200).extract().jsonPath().getString("data.session_token");
    }
}
