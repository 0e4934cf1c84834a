package com.customk9.platform.error;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ErrorEnvelopeTest {

    private static final String VALID_DOG = """
            {"name": "Rex", "age": 3, "ownerEmail": "ann@example.com", "birthdate": "2022-05-01"}
            """;

    @Test
    void acceptsAValidBody() {
        given().contentType(ContentType.JSON).body(VALID_DOG)
                .when().post("/probe/dogs")
                .then().statusCode(200).body("name", equalTo("Rex"));
    }

    @Test
    void anApiExceptionsOwnHeadersReachTheResponse() {
        given().when().get("/probe/locked")
                .then().statusCode(423)
                .header("Retry-After", "30")
                .body("error.code", equalTo("LOCKED"))
                .body("error.details.retry_after", equalTo(30));
    }

    @Test
    void reportsMalformedJsonWithItsPosition() {
        given().contentType(ContentType.JSON).body("{\"name\": \"Rex\", \"age\": ")
                .when().post("/probe/dogs")
                .then().statusCode(400)
                .contentType(ContentType.JSON)
                .body("error.code", equalTo("MALFORMED_JSON"))
                .body("error.message", equalTo("The request body is not valid JSON"))
                .body("error.details", hasKey("line"))
                .body("error.odoo_error", nullValue());
    }

    @Test
    void reportsAWrongTypeOnTheField() {
        given().contentType(ContentType.JSON).body("{\"name\": \"Rex\", \"age\": \"three\"}")
                .when().post("/probe/dogs")
                .then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.age", hasItem("must be an integer"))
                .body(not(containsString("java.")))
                .body(not(containsString("Integer")));
    }

    @Test
    void reportsAnInvalidDateAndEnumInClientTerms() {
        given().contentType(ContentType.JSON).body("{\"name\": \"Rex\", \"age\": 3, \"birthdate\": \"yesterday\"}")
                .when().post("/probe/dogs")
                .then().statusCode(400)
                .body("error.details.birthdate", hasItem("must be a date (YYYY-MM-DD)"));
        given().contentType(ContentType.JSON).body("{\"name\": \"Rex\", \"age\": 3, \"crate\": \"HUGE\"}")
                .when().post("/probe/dogs")
                .then().statusCode(400)
                .body("error.details.crate", hasItem("must be one of [SMALL, LARGE]"));
    }

    @Test
    void reportsEachMissingOrInvalidFieldByName() {
        given().contentType(ContentType.JSON).body("{\"ownerEmail\": \"not-an-email\", \"toys\": [{\"name\": \"\"}]}")
                .when().post("/probe/dogs")
                .then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.message", equalTo("Validation failed"))
                .body("error.details.name", hasItem("must not be blank"))
                .body("error.details.age", hasItem("must not be null"))
                .body("error.details.ownerEmail", hasItem("must be a well-formed email address"))
                .body("error.details.'toys[0].name'", hasItem("must not be blank"));
    }

    @Test
    void namesAFieldAsTheJsonNamesIt() {
        given().contentType(ContentType.JSON).body("{\"owner_email\": \"\"}")
                .when().post("/probe/renamed")
                .then().statusCode(400)
                .body("error.details", hasKey("owner_email"))
                .body("error.details", not(hasKey("ownerEmail")));
    }

    @Test
    void reportsAMissingBody() {
        given().contentType(ContentType.JSON)
                .when().post("/probe/dogs")
                .then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.dog", hasItem("must not be null"));
    }

    @Test
    void reportsAnInvalidQueryParameterByName() {
        given().queryParam("limit", 1000)
                .when().get("/probe/search")
                .then().statusCode(400)
                .body("error.details.limit", hasItem("must be less than or equal to 100"));
        given().queryParam("limit", "lots")
                .when().get("/probe/search")
                .then().statusCode(400)
                .body("error.code", equalTo("BAD_REQUEST"))
                .body(not(containsString("NumberFormat")));
    }

    @Test
    void refusesATenMegabyteBodyWithTheEnvelope() {
        char[] filler = new char[10 * 1024 * 1024];
        Arrays.fill(filler, 'a');
        String body = "{\"name\": \"" + new String(filler) + "\", \"age\": 3}";
        given().contentType(ContentType.JSON).body(body)
                .when().post("/probe/dogs")
                .then().statusCode(413)
                .contentType(ContentType.JSON)
                .body("error.code", equalTo("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void refusesAnUnsupportedMediaType() {
        given().contentType(ContentType.TEXT).body("name=Rex")
                .when().post("/probe/dogs")
                .then().statusCode(415)
                .body("error.code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void answersUnknownPathsAndMethodsWithTheEnvelope() {
        given().when().get("/no/such/path")
                .then().statusCode(404).contentType(ContentType.JSON).body("error.code", equalTo("NOT_FOUND"));
        given().when().delete("/probe/dogs")
                .then().statusCode(405).body("error.code", equalTo("METHOD_NOT_ALLOWED"));
    }

    @Test
    void mapsDomainErrors() {
        given().when().get("/probe/not-found")
                .then().statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"))
                .body("error.message", equalTo("dog not found"))
                .body("error.details.id", equalTo("42"));
        given().when().get("/probe/conflict")
                .then().statusCode(409)
                .body("error.code", equalTo("CONFLICT"))
                .body("error.message", equalTo("That crate is already booked for these dates"));
    }

    @Test
    void mapsSecurityErrorsWithoutTheirInternalReasons() {
        given().when().get("/probe/unauthorized")
                .then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("error.code", equalTo("UNAUTHORIZED"));
        given().when().get("/probe/forbidden")
                .then().statusCode(403)
                .body("error.code", equalTo("FORBIDDEN"))
                .body(not(containsString("internal reason")));
    }

    @Test
    void mapsUpstreamFailuresTo502And503And504() {
        given().when().get("/probe/odoo-down")
                .then().statusCode(502)
                .body("error.code", equalTo("ODOO_CONNECTION_ERROR"))
                .body("error.message", equalTo("Odoo Connection Error"))
                .body("error.odoo_error.data.name", equalTo("odoo.exceptions.AccessError"))
                .body(not(containsString("refused")));
        given().when().get("/probe/breaker-open")
                .then().statusCode(503).body("error.code", equalTo("SERVICE_UNAVAILABLE"));
        given().when().get("/probe/slow")
                .then().statusCode(504).body("error.code", equalTo("GATEWAY_TIMEOUT"));
    }

    @Test
    void neverLeaksAStackTraceOrClassName() {
        given().header("X-Request-Id", "req-boom-1")
                .when().get("/probe/boom")
                .then().statusCode(500)
                .body("error.code", equalTo("INTERNAL_ERROR"))
                .body("error.message", equalTo("An unexpected error occurred"))
                .body("error.details.request_id", equalTo("req-boom-1"))
                .body(not(containsString("IllegalStateException")))
                .body(not(containsString("com.customk9")))
                .body(not(containsString("secret internals")))
                .body(not(containsString("\tat ")));
    }

    @Test
    void emptyDetailsAreAnEmptyObject() {
        given().when().get("/probe/conflict")
                .then().body("error.details", anEmptyMap());
    }

    @Test
    void echoesAWellFormedRequestIdAndReplacesAHostileOne() {
        given().header("X-Request-Id", "abc-123")
                .when().get("/probe/log")
                .then().statusCode(200).header("X-Request-Id", equalTo("abc-123"));
        given().header("X-Request-Id", "<script>alert(1)</script>")
                .when().get("/probe/log")
                .then().statusCode(200)
                .header("X-Request-Id", notNullValue())
                .header("X-Request-Id", not(containsString("<")));
        given().when().get("/probe/log")
                .then().header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }
}
