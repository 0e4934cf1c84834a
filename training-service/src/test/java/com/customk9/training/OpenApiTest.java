package com.customk9.training;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiTest {

    @Test
    void documentsEveryResourceTheBearerSchemeAndTheErrorEnvelope() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/dogs"))
                .body("paths", hasKey("/api/dogs/{id}"))
                .body("paths", hasKey("/api/training-plans"))
                .body("paths", hasKey("/api/dogs/{dogId}/progress-notes"))
                .body("paths", hasKey("/api/appointments"))
                .body("paths", hasKey("/api/appointments/availability"))
                .body("paths", hasKey("/api/bookings"))
                .body("paths", hasKey("/api/invoices"))
                .body("paths", hasKey("/api/projects"))
                .body("paths", hasKey("/api/files"))
                .body("components.securitySchemes.bearer.scheme", org.hamcrest.Matchers.equalTo("bearer"))
                .body("paths.'/api/dogs'.post.responses", hasKey("400"))
                .body("paths.'/api/dogs'.get.security", notNullValue());
    }
}
