package com.customk9.emulator.apiv2;

import static com.customk9.emulator.jsonrpc.OdooTestClient.ADMIN_LOGIN;
import static com.customk9.emulator.jsonrpc.OdooTestClient.ADMIN_PASSWORD;
import static com.customk9.emulator.jsonrpc.OdooTestClient.integrationApiKey;
import static com.customk9.emulator.jsonrpc.OdooTestClient.sessionToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ApiV2BusinessTest {

    @Test
    void partnersListsWithAnApiKey() {
        given().header("api-key", integrationApiKey()).get("/api/v2/partners?limit=5").then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.partners.size()", lessThanOrEqualTo(5))
                .body("data.partners[0]", hasKey("name"));
    }

    @Test
    void customersOnlyKeepsCustomers() {
        given().header("api-key", integrationApiKey()).get("/api/v2/partners?customers_only=true&limit=50").then()
                .statusCode(200).body("data.partners.customer_rank", everyItem(greaterThan(0)));
    }

    @Test
    void productsListsSaleableProducts() {
        given().header("api-key", integrationApiKey()).get("/api/v2/products?sale_ok=true").then().statusCode(200)
                .body("data.products.sale_ok", everyItem(equalTo(true)));
    }

    @Test
    void legacyEndpointsRefuseSessionTokens() {
        String token = sessionToken(ADMIN_LOGIN, ADMIN_PASSWORD);
        given().header("session-token", token).get("/api/v2/partners").then().statusCode(401)
                .body("error.code", equalTo("API_KEY_REQUIRED"));
        given().header("session-token", token).get("/api/v2/products").then().statusCode(401)
                .body("error.code", equalTo("API_KEY_REQUIRED"));
    }

    @Test
    void groupsTakeEitherMethod() {
        given().header("api-key", integrationApiKey()).get("/api/v2/groups").then().statusCode(200)
                .body("data.groups.size()", greaterThan(0)).body("data.groups[0]", hasKey("name"));
        given().header("session-token", sessionToken(ADMIN_LOGIN, ADMIN_PASSWORD)).get("/api/v2/groups").then().statusCode(200);
    }

    @Test
    void badFlagIsAValidationError() {
        given().header("api-key", integrationApiKey()).get("/api/v2/partners?customers_only=maybe").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"));
    }
}
