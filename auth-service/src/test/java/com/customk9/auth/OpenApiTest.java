package com.customk9.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.customk9.platform.testing.OpenApiExampleCheck;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiTest {

    @Test
    void documentsEveryEndpointTheBearerSchemeAndTheErrorEnvelope() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/auth/login"))
                .body("paths", hasKey("/api/auth/refresh"))
                .body("paths", hasKey("/api/auth/logout"))
                .body("paths", hasKey("/api/auth/register"))
                .body("paths", hasKey("/api/auth/me"))
                .body("paths", hasKey("/api/auth/password"))
                .body("paths", hasKey("/api/auth/password/reset"))
                .body("paths", hasKey("/api/auth/password/reset/confirm"))
                .body("paths", hasKey("/api/settings"))
                .body("paths", hasKey("/.well-known/jwks.json"))
                .body("components.securitySchemes.bearer.scheme", org.hamcrest.Matchers.equalTo("bearer"))
                .body("paths.'/api/auth/login'.post.responses", hasKey("401"))
                .body("paths.'/api/auth/me'.get.security", notNullValue())
                .body("paths.'/api/auth/login'.post.requestBody.content.'application/json'.examples.'demo client'.value.email",
                        org.hamcrest.Matchers.equalTo("anna.client@customk9.example"));
    }

    /** Each JSON request body has a worked example, and the example names only fields its schema has. */
    @Test
    @SuppressWarnings("unchecked")
    void everyJsonRequestBodyHasAnExampleThatFitsItsSchema() {
        Map<String, Object> document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().as(Map.class);
        OpenApiExampleCheck.Result result = OpenApiExampleCheck.of(document);
        assertThat(result.problems()).isEmpty();
        assertThat(result.checked()).contains("POST /api/auth/login", "POST /api/auth/refresh", "POST /api/auth/register",
                "PUT /api/auth/password", "POST /api/auth/password/reset", "POST /api/auth/password/reset/confirm",
                "PUT /api/settings");
    }
}
