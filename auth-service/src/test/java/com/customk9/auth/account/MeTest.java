package com.customk9.auth.account;

import static com.customk9.auth.support.Clients.bearer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.customk9.auth.support.Accounts;
import com.customk9.auth.support.Clients;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MeTest {

    @Test
    void describesTheSignedInUserAsOdooKnowsThem() {
        String access = (String) Clients.signIn(Clients.SARAH, Clients.TRAINER_PASSWORD).get("access");

        bearer(access).get("/api/auth/me").then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("no-store"))
                .body("email", equalTo(Clients.SARAH))
                .body("roles", contains("trainer", "staff"));
    }

    @Test
    void showsTheUsersOwnAccountOnly() {
        Map<String, Object> mine = Accounts.register(Accounts.newEmail());

        bearer(Accounts.access(mine)).get("/api/auth/me").then().statusCode(200)
                .body("id", equalTo((int) Accounts.userId(mine)));
    }
}
