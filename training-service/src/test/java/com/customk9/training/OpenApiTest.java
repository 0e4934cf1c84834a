package com.customk9.training;

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

    /** Each JSON request body has a worked example, and the example names only fields its schema has. */
    @Test
    @SuppressWarnings("unchecked")
    void everyJsonRequestBodyHasAnExampleThatFitsItsSchema() {
        Map<String, Object> document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().as(Map.class);
        OpenApiExampleCheck.Result result = OpenApiExampleCheck.of(document);
        assertThat(result.problems()).isEmpty();
        assertThat(result.checked()).contains("POST /api/dogs", "PATCH /api/dogs/{id}", "POST /api/training-plans",
                "PATCH /api/training-plans/{id}", "POST /api/training-plans/{id}/exercises",
                "PATCH /api/training-plans/{id}/exercises/{exerciseId}", "PUT /api/training-plans/{id}/exercises/order",
                "POST /api/training-plans/{id}/exercises/{exerciseId}/complete", "POST /api/dogs/{dogId}/progress-notes",
                "POST /api/appointments", "PATCH /api/appointments/{id}", "POST /api/bookings");
    }
}
