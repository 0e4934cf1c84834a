package com.customk9.attendance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiTest {

    @Test
    void documentsEverySeedPathAndTheFaceEndpoints() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/health"))
                .body("paths", hasKey("/api/v1/status"))
                .body("paths", hasKey("/api/v1/persons"))
                .body("paths", hasKey("/api/v1/persons/{personId}"))
                .body("paths", hasKey("/api/v1/persons/{personId}/faces"))
                .body("paths", hasKey("/api/v1/attendance"))
                .body("paths", hasKey("/api/v1/attendance/{id}"))
                .body("paths", hasKey("/api/v1/attendance/mark"))
                .body("paths", hasKey("/api/v1/attendance/{id}/checkout"))
                .body("paths", hasKey("/api/v1/reports/daily-summary/{date}"))
                .body("paths", hasKey("/api/v1/reports/daily"))
                .body("paths", hasKey("/api/v1/keys"))
                .body("paths", hasKey("/api/v1/logs"))
                .body("paths", hasKey("/api/v1/config"))
                .body("paths", hasKey("/api/v1/recognize"));
    }
}
