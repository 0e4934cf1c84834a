package com.customk9.gateway.security;

import static com.customk9.gateway.support.Clients.anonymous;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class SecurityHeadersAndCorsTest {

    private static void assertSecurityHeaders(Response response) {
        assertThat(response.header("Content-Security-Policy")).contains("default-src 'none'").contains("frame-ancestors 'none'");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Strict-Transport-Security")).startsWith("max-age=31536000");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() {
        assertSecurityHeaders(anonymous().when().get("/api/blog/posts").then().statusCode(200).extract().response());
        assertSecurityHeaders(anonymous().when().get("/api/dogs").then().statusCode(401).extract().response());
        assertSecurityHeaders(anonymous().when().get("/api/nothing-here").then().statusCode(404).extract().response());
        assertSecurityHeaders(given().when().get("/q/health/live").then().statusCode(200).extract().response());
    }

    @Test
    void answersAPreflightFromAnAllowedOrigin() {
        Response preflight = anonymous()
                .header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when().options("/api/dogs/4");
        preflight.then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Allow-Credentials", "true")
                .header("Access-Control-Allow-Methods", containsString("PUT"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
        assertSecurityHeaders(preflight);
    }

    @Test
    void refusesAnOriginThatIsNotConfigured() {
        anonymous().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .when().options("/api/dogs")
                .then().statusCode(403).header("Access-Control-Allow-Origin", (String) null);
    }

    @Test
    void exposesTheRateLimitHeadersToTheBrowser() {
        Response response = anonymous().header("Origin", "http://127.0.0.1:3000").when().get("/api/blog/posts");
        response.then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://127.0.0.1:3000")
                .header("Access-Control-Allow-Credentials", "true")
                .header("Access-Control-Expose-Headers", containsString("RateLimit-Remaining"))
                .header("Access-Control-Expose-Headers", containsString("Retry-After"))
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"));
        assertThat(response.header("RateLimit-Remaining")).isNotNull();
        assertThat(response.headers().getValues("Vary")).as("the gateway's and the upstream's").contains("Origin", "Accept");
    }

    @Test
    void refusesAnActualRequestFromAnOriginThatIsNotConfigured() {
        Response response = anonymous().header("Origin", "https://evil.example").when().get("/api/blog/posts");
        response.then().statusCode(403)
                .header("Access-Control-Allow-Origin", (String) null)
                .header("Vary", containsString("Origin"))
                .body("error.code", equalTo("FORBIDDEN"));
        assertThat(response.header("X-Upstream")).as("never reached the upstream").isNull();
        assertSecurityHeaders(response);
    }

    @Test
    void allowsTheGatewaysOwnOrigin() {
        anonymous().header("Origin", "http://127.0.0.1:18080").header("Host", "127.0.0.1:18080")
                .when().get("/api/blog/posts")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://127.0.0.1:18080");
    }

    @Test
    void theGatewaysOwnEndpointsAnswerCorsToo() {
        given().header("Origin", "http://localhost:3000").when().get("/q/health/live")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("X-Frame-Options", "DENY");
        anonymous().header("Origin", "http://localhost:3000").when().get("/api/nothing-here")
                .then().statusCode(404)
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .body("error.code", equalTo("NOT_FOUND"));
    }

    @Test
    void errorsOfTheGatewayAreNotCached() {
        anonymous().when().get("/api/dogs").then().statusCode(401).header("Cache-Control", equalTo("no-store"));
    }
}
