package com.customk9.emulator.session;

import static com.customk9.emulator.jsonrpc.OdooTestClient.ADMIN_LOGIN;
import static com.customk9.emulator.jsonrpc.OdooTestClient.ADMIN_PASSWORD;
import static com.customk9.emulator.jsonrpc.OdooTestClient.DB;
import static com.customk9.emulator.jsonrpc.OdooTestClient.envelope;
import static com.customk9.emulator.jsonrpc.OdooTestClient.sessionToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;

/** Sessions live in PostgreSQL (the emulator's schema), under their SHA-256 only. */
@QuarkusTest
class SessionStorageTest {

    @Inject
    @DataSource("odoo")
    AgroalDataSource dataSource;

    @Inject
    SessionTokens tokens;

    @Inject
    EmulatorClock clock;

    @Inject
    SessionSchema schema;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private int rows(String sql, String value) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, value);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    @Test
    void sessionTokensAreStoredHashedOnly() throws SQLException {
        String token = sessionToken(ADMIN_LOGIN, ADMIN_PASSWORD);
        assertThat(rows("select count(*) from " + schema.table("api_session") + " where token_hash = ?", Secrets.sha256Hex(token))).isOne();
        assertThat(rows("select count(*) from " + schema.table("api_session") + " where token_hash = ?", token)).isZero();
    }

    @Test
    void webSessionIdsAreStoredHashedOnly() throws SQLException {
        String sid = given().contentType("application/json")
                .body(envelope(Map.of("db", DB, "login", ADMIN_LOGIN, "password", ADMIN_PASSWORD)))
                .post("/web/session/authenticate").then().statusCode(200).extract().cookie("session_id");
        assertThat(rows("select count(*) from " + schema.table("web_session") + " where sid_hash = ?", Secrets.sha256Hex(sid))).isOne();
        assertThat(rows("select count(*) from " + schema.table("web_session") + " where sid_hash = ?", sid)).isZero();
    }

    @Test
    void useUpdatesTheLastActivity() {
        String token = sessionToken(ADMIN_LOGIN, ADMIN_PASSWORD);
        var before = tokens.lastActivity(token).orElseThrow();
        clock.advance(Duration.ofMinutes(5));
        given().header("session-token", token).get("/api/v2/auth/me").then().statusCode(200);
        assertThat(tokens.lastActivity(token).orElseThrow()).isAfter(before.plusSeconds(299));
    }

    @Test
    void graceEndsExactlyOneHourAfterExpiry() {
        SessionTokens.Issued issued = tokens.issue(2);
        clock.advance(Duration.ofHours(25).minusSeconds(1));
        assertThat(tokens.refresh(issued.token()).issued()).isNotNull();

        SessionTokens.Issued late = tokens.issue(2);
        clock.advance(Duration.ofHours(25).plusMillis(1));
        assertThat(tokens.refresh(late.token()).failure()).isEqualTo(SessionTokens.RefreshFailure.EXPIRED);
    }

    @Test
    void webSessionsLapseAfterAWeekWithoutActivity() {
        String sid = given().contentType("application/json")
                .body(envelope(Map.of("db", DB, "login", ADMIN_LOGIN, "password", ADMIN_PASSWORD)))
                .post("/web/session/authenticate").then().statusCode(200).extract().cookie("session_id");
        clock.advance(Duration.ofDays(6));
        given().contentType("application/json").cookie("session_id", sid).body(envelope(Map.of()))
                .post("/web/session/get_session_info").then().body("result.uid", org.hamcrest.Matchers.greaterThan(0));
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        given().contentType("application/json").cookie("session_id", sid).body(envelope(Map.of()))
                .post("/web/session/get_session_info").then().body("error.code", org.hamcrest.Matchers.equalTo(100));
    }
}
