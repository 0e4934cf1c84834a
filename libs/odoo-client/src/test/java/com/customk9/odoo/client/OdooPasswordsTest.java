package com.customk9.odoo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.customk9.odoo.client.auth.OdooUserSession;
import com.customk9.odoo.client.error.OdooAccessDeniedException;
import com.customk9.odoo.client.error.OdooAuthenticationException;
import com.customk9.odoo.client.error.OdooValidationException;
import com.customk9.odoo.client.support.EmulatorTest;

import io.quarkus.test.junit.QuarkusTest;

/** Seed 002's password endpoints: a user changes their own, a user manager resets anyone's. */
@QuarkusTest
class OdooPasswordsTest extends EmulatorTest {

    @Test
    void aUserChangesTheirOwnPasswordGivingTheOldOne() {
        String login = newUser("first-password-1");
        OdooUserSession user = await(odoo.login(login, "first-password-1"));

        await(odoo.as(user).changePassword(user.userId(), "first-password-1", "second-password-2"));

        assertThat(await(odoo.login(login, "second-password-2")).userId()).isEqualTo(user.userId());
        assertThat(catchThrowable(() -> await(odoo.login(login, "first-password-1"))))
                .isInstanceOf(OdooAuthenticationException.class);
    }

    @Test
    void aWrongOldPasswordIsAValidationError() {
        String login = newUser("first-password-1");
        OdooUserSession user = await(odoo.login(login, "first-password-1"));

        Throwable failure = catchThrowable(() -> await(odoo.as(user).changePassword(user.userId(), "wrong", "x-password-3")));

        assertThat(failure).isInstanceOf(OdooValidationException.class);
        assertThat(await(odoo.login(login, "first-password-1")).userId()).isEqualTo(user.userId());
    }

    @Test
    void theIntegrationUserResetsAPassword() {
        String login = newUser("first-password-1");
        long userId = await(odoo.login(login, "first-password-1")).userId();

        await(odoo.resetPassword(userId, "reset-password-4"));

        assertThat(await(odoo.login(login, "reset-password-4")).userId()).isEqualTo(userId);
    }

    @Test
    void aUserCannotResetSomeoneElsesPassword() {
        String login = newUser("first-password-1");
        OdooUserSession user = await(odoo.login(login, "first-password-1"));

        assertThat(catchThrowable(() -> await(odoo.as(user).resetPassword(2, "hijacked-password"))))
                .isInstanceOf(OdooAccessDeniedException.class);
    }

    private String newUser(String password) {
        String login = "password-test-" + System.nanoTime() + "@customk9.example";
        long partner = await(odoo.create("res.partner", Map.of("name", "Password Test", "email", login)));
        await(odoo.create("res.users", Map.of("name", "Password Test", "login", login, "password", password,
                "partner_id", partner, "groups_id", java.util.List.of(java.util.List.of(6, 0, java.util.List.of(9))))));
        return login;
    }
}
