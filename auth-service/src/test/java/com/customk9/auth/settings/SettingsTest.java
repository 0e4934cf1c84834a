package com.customk9.auth.settings;

import static com.customk9.auth.support.Clients.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.customk9.auth.support.Accounts;
import com.customk9.auth.support.Emulator;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SettingsTest {

    @AfterEach
    void healOdoo() {
        Emulator.clearFaults();
    }

    @Test
    void startsFromOdoosValuesAndOurDefaults() {
        String access = Accounts.access(Accounts.register(Accounts.newEmail()));

        bearer(access).get("/api/settings").then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("no-store"))
                .body("language", equalTo("en_US"))
                .body("theme", equalTo("system"))
                .body("notifications.email", equalTo(true))
                .body("notifications.push", equalTo(false));
    }

    @Test
    void updatesOdooAndLocalSettingsTogether() {
        Map<String, Object> login = Accounts.register(Accounts.newEmail());
        String access = Accounts.access(login);

        bearer(access).body(Map.of("language", "fr_FR", "timezone", "Europe/Brussels", "theme", "dark",
                "notifications", Map.of("email", false, "push", true)))
                .put("/api/settings").then().statusCode(200)
                .body("language", equalTo("fr_FR")).body("timezone", equalTo("Europe/Brussels"))
                .body("theme", equalTo("dark"))
                .body("notifications.email", equalTo(false)).body("notifications.push", equalTo(true));

        Emulator.asIntegration().get("/api/v2/search/res.users/" + Accounts.userId(login) + "?fields=lang,tz,notification_type")
                .then().statusCode(200)
                .body("data.record.lang", equalTo("fr_FR")).body("data.record.tz", equalTo("Europe/Brussels"))
                .body("data.record.notification_type", equalTo("inbox"));
        bearer(access).body(Map.of("theme", "light")).put("/api/settings").then().statusCode(200)
                .body("theme", equalTo("light")).body("language", equalTo("fr_FR"))
                .body("notifications.push", equalTo(true));
    }

    @Test
    void refusesValuesOdooDoesNotOffer() {
        String access = Accounts.access(Accounts.register(Accounts.newEmail()));

        bearer(access).body(Map.of("language", "xx_XX", "timezone", "Mars/Olympus")).put("/api/settings")
                .then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details", hasKey("language")).body("error.details", hasKey("timezone"));
        bearer(access).body(Map.of("theme", "neon")).put("/api/settings")
                .then().statusCode(400).body("error.details", hasKey("theme"));
        bearer(access).body(Map.of("notifications", Map.of("email", "sometimes"))).put("/api/settings")
                .then().statusCode(400);

        bearer(access).get("/api/settings").then().statusCode(200)
                .body("language", equalTo("en_US")).body("theme", equalTo("system"));
    }

    @Test
    void oneUsersSettingsNeverTouchAnothers() {
        String first = Accounts.access(Accounts.register(Accounts.newEmail()));
        String second = Accounts.access(Accounts.register(Accounts.newEmail()));

        bearer(first).body(Map.of("theme", "dark", "language", "de_DE")).put("/api/settings").then().statusCode(200);

        bearer(second).get("/api/settings").then().statusCode(200)
                .body("theme", equalTo("system")).body("language", equalTo("en_US"));
    }

    @Test
    void odooDownIsABadGatewayAndKeepsLocalSettings() {
        String access = Accounts.access(Accounts.register(Accounts.newEmail()));
        bearer(access).body(Map.of("theme", "dark")).put("/api/settings").then().statusCode(200);
        Emulator.outage("close");

        bearer(access).body(Map.of("language", "fr_FR", "theme", "light")).put("/api/settings").then().statusCode(502)
                .body("error.code", equalTo("ODOO_CONNECTION_ERROR"));

        Emulator.clearFaults();
        bearer(access).get("/api/settings").then().statusCode(200).body("theme", equalTo("dark"));
    }

    @Test
    void needsToBeSignedIn() {
        given().get("/api/settings").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
    }
}
