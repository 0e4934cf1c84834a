package com.customk9.auth.session;

import static com.customk9.auth.support.Clients.bearer;
import static com.customk9.auth.support.Clients.refresh;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.customk9.auth.support.Accounts;
import com.customk9.auth.support.Emulator;
import com.customk9.auth.support.JwtClaims;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class RefreshTest {

    @AfterEach
    void healOdoo() {
        Emulator.clearFaults();
    }

    @Test
    void rotatesTheRefreshTokenAndIssuesANewAccessToken() {
        Map<String, Object> login = Accounts.register(Accounts.newEmail());

        Map<String, Object> next = refresh(Accounts.refresh(login)).statusCode(200)
                .body("refresh", not(equalTo(Accounts.refresh(login))))
                .body("token_type", equalTo("Bearer"))
                .extract().jsonPath().getMap("");

        Map<String, Object> first = JwtClaims.payload(Accounts.access(login));
        Map<String, Object> second = JwtClaims.payload(Accounts.access(next));
        assertThat(second.get("sub")).isEqualTo(first.get("sub"));
        assertThat(second.get("sid")).as("same login, same family").isEqualTo(first.get("sid"));
        assertThat(second.get("jti")).isNotEqualTo(first.get("jti"));
        bearer(Accounts.access(next)).get("/api/auth/me").then().statusCode(200);
        refresh(Accounts.refresh(next)).statusCode(200);
    }

    @Test
    void reusingARotatedTokenRevokesTheWholeFamily() {
        Map<String, Object> login = Accounts.register(Accounts.newEmail());
        String stolen = Accounts.refresh(login);
        String legitimate = Accounts.refresh(refresh(stolen).statusCode(200).extract().jsonPath().getMap(""));

        refresh(stolen).statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));

        refresh(legitimate).statusCode(401);
    }

    @Test
    void familiesAreIndependent() {
        String email = Accounts.newEmail();
        Map<String, Object> phone = Accounts.register(email);
        Map<String, Object> laptop = com.customk9.auth.support.Clients.signIn(email, Accounts.PASSWORD);
        String phoneToken = Accounts.refresh(phone);
        refresh(phoneToken).statusCode(200);

        refresh(phoneToken).statusCode(401);

        refresh(Accounts.refresh(laptop)).statusCode(200);
    }

    @Test
    void twoConcurrentUsesOfOneTokenNeverBothSucceed() throws Exception {
        String token = Accounts.refresh(Accounts.register(Accounts.newEmail()));
        int racers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Callable<Integer> race = () -> {
                    start.await();
                    return refresh(token).extract().statusCode();
                };
                results.add(pool.submit(race));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsOnly(200, 401);
            assertThat(statuses).filteredOn(status -> status == 200).hasSizeLessThanOrEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unknownMalformedAndMissingTokensAreRefusedCleanly() {
        refresh("x".repeat(43)).statusCode(401);
        refresh("x".repeat(5000)).statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
        given().contentType(ContentType.JSON).body("{}").post("/api/auth/refresh").then().statusCode(400)
                .body("error.details.refresh", org.hamcrest.Matchers.notNullValue());
        given().contentType(ContentType.JSON).body("{\"refresh\": 42}").post("/api/auth/refresh").then().statusCode(401);
        given().contentType(ContentType.JSON).body("not json").post("/api/auth/refresh").then().statusCode(400);
    }

    @Test
    void keepsSessionsAliveWhileOdooIsDown() {
        Map<String, Object> login = Accounts.register(Accounts.newEmail());
        Emulator.outage("close");

        refresh(Accounts.refresh(login)).statusCode(200)
                .body("user.id", equalTo((int) Accounts.userId(login)))
                .body("user.roles", org.hamcrest.Matchers.contains("client"));
    }

    @Test
    void anArchivedUserCannotRefresh() {
        Map<String, Object> login = Accounts.register(Accounts.newEmail());
        long userId = Accounts.userId(login);
        Emulator.asIntegration().contentType(ContentType.JSON).body(Map.of("jsonrpc", "2.0", "method", "call", "params",
                Map.of("service", "object", "method", "execute_kw", "args", List.of("customk9", 3,
                        "ck9-local-integration-key", "res.users", "write", List.of(List.of(userId), Map.of("active", false))))))
                .post("/jsonrpc").then().statusCode(200).body("result", equalTo(true));
        invalidateCachedUser(userId);

        refresh(Accounts.refresh(login)).statusCode(401);
    }

    private static void invalidateCachedUser(long userId) {
        io.quarkus.arc.Arc.container().instance(com.customk9.odoo.client.OdooClient.class).get()
                .invalidate("res.users", userId).await().atMost(java.time.Duration.ofSeconds(5));
    }
}
