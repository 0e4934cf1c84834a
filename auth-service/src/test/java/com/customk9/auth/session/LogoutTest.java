package com.customk9.auth.session;

import static com.customk9.auth.support.Clients.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.customk9.auth.support.Accounts;
import com.customk9.auth.support.Clients;
import com.customk9.auth.support.Emulator;
import com.customk9.auth.support.JwtClaims;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LogoutTest {

    @Inject
    RedisDataSource redis;

    @Test
    void deniesTheAccessTokenUntilItExpiresAndEndsTheRefreshFamily() {
        Map<String, Object> login = Accounts.register(Accounts.newEmail());
        String access = Accounts.access(login);
        String jti = (String) JwtClaims.payload(access).get("jti");
        long exp = ((Number) JwtClaims.payload(access).get("exp")).longValue();

        bearer(access).post("/api/auth/logout").then().statusCode(200)
                .body("message", equalTo("Logged out")).body("access_token_revoked", equalTo(true));

        String key = "auth:revoked-jti:" + jti;
        assertThat(redis.key().exists(key)).isTrue();
        long ttl = redis.key().ttl(key);
        assertThat(ttl).isPositive().isLessThanOrEqualTo(exp - java.time.Instant.now().getEpochSecond() + 1);
        bearer(access).get("/api/auth/me").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        Clients.refresh(Accounts.refresh(login)).statusCode(401);
    }

    @Test
    void closesTheOdooSessionOpenedAtLogin() {
        Map<String, Object> login = Accounts.register(Accounts.newEmail());
        long userId = Accounts.userId(login);
        Emulator.clearStats();

        bearer(Accounts.access(login)).post("/api/auth/logout").then().statusCode(200);

        assertThat(Emulator.calls("api_v2", "res.users", "auth/logout") + Emulator.calls("api_v2", "res.users", "logout"))
                .as("POST /api/v2/auth/logout for user %d", userId).isEqualTo(1);
    }

    @Test
    void leavesTheUsersOtherSessionsAlone() {
        String email = Accounts.newEmail();
        Map<String, Object> phone = Accounts.register(email);
        Map<String, Object> laptop = com.customk9.auth.support.Clients.signIn(email, Accounts.PASSWORD);

        bearer(Accounts.access(phone)).post("/api/auth/logout").then().statusCode(200);

        bearer(Accounts.access(laptop)).get("/api/auth/me").then().statusCode(200);
        Clients.refresh(Accounts.refresh(laptop)).statusCode(200);
    }

    @Test
    void needsAValidToken() {
        given().post("/api/auth/logout").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        bearer("garbage").post("/api/auth/logout").then().statusCode(401);
    }
}
