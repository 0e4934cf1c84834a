package com.customk9.auth.session;

import static com.customk9.auth.support.Clients.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.customk9.auth.support.Accounts;
import com.customk9.auth.support.Clients;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Redis unreachable (a closed port): sign-in, refresh and sign-out still work, degraded. */
@QuarkusTest
@TestProfile(RedisDownTest.RedisUnreachable.class)
class RedisDownTest {

    public static class RedisUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:1/11", "customk9.auth.redis-timeout", "300ms",
                    "odoo.cache.redis-timeout", "300ms");
        }
    }

    @Test
    void signsInRefreshesAndReadsTheAccountWithoutRedis() {
        Map<String, Object> login = Clients.signIn(Clients.ANNA, Clients.CLIENT_PASSWORD);

        bearer(Accounts.access(login)).get("/api/auth/me").then().statusCode(200);
        Clients.refresh(Accounts.refresh(login)).statusCode(200);
    }

    @Test
    void logoutSaysTheAccessTokenCouldNotBeDeniedButEndsTheRefreshTokens() {
        Map<String, Object> login = Clients.signIn(Clients.ANNA, Clients.CLIENT_PASSWORD);

        bearer(Accounts.access(login)).post("/api/auth/logout").then().statusCode(200)
                .body("access_token_revoked", equalTo(false));

        Clients.refresh(Accounts.refresh(login)).statusCode(401);
    }

    @Test
    void staysReady() {
        given().get("/q/health/ready").then().statusCode(200);
    }
}
