package com.customk9.auth.session;

import static com.customk9.auth.support.Clients.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.customk9.auth.support.Accounts;
import com.customk9.auth.support.Clients;
import com.customk9.auth.support.Emulator;
import com.customk9.auth.support.JwtClaims;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.pubsub.PubSubCommands;
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

    /** What the gateways' local copy of the denylist is fed with. */
    @Test
    void announcesTheRevocationOnTheChannelWithTheTokensExpiry() {
        Map<String, Object> login = Accounts.register(Accounts.newEmail());
        String access = Accounts.access(login);
        String jti = (String) JwtClaims.payload(access).get("jti");
        long exp = ((Number) JwtClaims.payload(access).get("exp")).longValue();
        List<String> heard = new CopyOnWriteArrayList<>();
        PubSubCommands.RedisSubscriber subscription = redis.pubsub(String.class).subscribe("auth:revoked-jti", heard::add);
        try {
            bearer(access).post("/api/auth/logout").then().statusCode(200).body("access_token_revoked", equalTo(true));

            await().atMost(Duration.ofSeconds(10)).until(() -> heard.stream().anyMatch(message -> message.contains(jti)));
            io.vertx.core.json.JsonObject message = heard.stream().filter(text -> text.contains(jti))
                    .map(io.vertx.core.json.JsonObject::new).findFirst().orElseThrow();
            assertThat(message.getString("jti")).isEqualTo(jti);
            assertThat(message.getLong("exp")).isEqualTo(exp);
            assertThat(redis.key().exists("auth:revoked-jti:" + jti)).isTrue();
        } finally {
            subscription.unsubscribe();
        }
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
