package com.customk9.auth.session;

import static com.customk9.auth.support.Clients.ANNA;
import static com.customk9.auth.support.Clients.ANNA_PARTNER;
import static com.customk9.auth.support.Clients.ANNA_UID;
import static com.customk9.auth.support.Clients.CLIENT_PASSWORD;
import static com.customk9.auth.support.Clients.SARAH;
import static com.customk9.auth.support.Clients.TRAINER_PASSWORD;
import static com.customk9.auth.support.Clients.login;
import static com.customk9.auth.support.Clients.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.customk9.auth.support.JwtClaims;
import com.customk9.auth.support.TestKeys;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LoginTest {

    @Test
    void signsInWithOdooCredentialsAndAnswersOurOwnTokens() {
        Map<String, Object> response = signIn(ANNA, CLIENT_PASSWORD);

        assertThat(response).containsEntry("token_type", "Bearer").containsKeys("access", "refresh");
        assertThat((Integer) response.get("expires_in")).isEqualTo(900);
        Map<String, Object> header = JwtClaims.header((String) response.get("access"));
        assertThat(header).containsEntry("alg", "RS256").containsEntry("kid", TestKeys.SIGNING);
        Map<String, Object> claims = JwtClaims.payload((String) response.get("access"));
        assertThat(claims).containsEntry("iss", "customk9-auth").containsEntry("aud", "customk9")
                .containsEntry("sub", Long.toString(ANNA_UID)).containsEntry("partner_id", (int) ANNA_PARTNER)
                .containsEntry("groups", java.util.List.of("client")).containsKeys("jti", "exp", "iat", "sid");
        assertThat(JwtClaims.verifies((String) response.get("access"), TestKeys.signing().getPublic())).isTrue();
    }

    @Test
    void answersTheUserAndTheOdooSessionButNeverItsToken() {
        login(ANNA, CLIENT_PASSWORD).statusCode(200)
                .body("user.id", equalTo((int) ANNA_UID))
                .body("user.partner_id", equalTo((int) ANNA_PARTNER))
                .body("user.email", equalTo(ANNA))
                .body("user.roles", containsInAnyOrder("client"))
                .body("odoo.uid", equalTo((int) ANNA_UID))
                .body("odoo", not(hasKey("session_token")))
                .body("refresh_expires_in", greaterThan(0));
    }

    @Test
    void derivesRolesFromOdooGroups() {
        login(SARAH, TRAINER_PASSWORD).statusCode(200).body("user.roles", containsInAnyOrder("trainer", "staff"));
        login("admin", "admin").statusCode(200).body("user.roles", containsInAnyOrder("admin", "staff"));
    }

    @Test
    void refusesAWrongPasswordWithoutSayingWhichPartWasWrong() {
        login(ANNA, "not-her-password").statusCode(401)
                .body("error.code", equalTo("UNAUTHORIZED"))
                .body("error.message", equalTo("Invalid email or password"));
        login("nobody@customk9.example", "whatever").statusCode(401)
                .body("error.message", equalTo("Invalid email or password"))
                .body("error.odoo_error", nullValue());
    }

    @Test
    void acceptsTheLoginInAnyCase() {
        login("Anna.Client@CustomK9.example", CLIENT_PASSWORD).statusCode(200).body("user.id", equalTo((int) ANNA_UID));
    }
}
