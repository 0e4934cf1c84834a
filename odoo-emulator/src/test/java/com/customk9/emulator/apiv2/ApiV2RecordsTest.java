package com.customk9.emulator.apiv2;

import static com.customk9.emulator.jsonrpc.OdooTestClient.ADMIN_LOGIN;
import static com.customk9.emulator.jsonrpc.OdooTestClient.ADMIN_PASSWORD;
import static com.customk9.emulator.jsonrpc.OdooTestClient.integrationApiKey;
import static com.customk9.emulator.jsonrpc.OdooTestClient.sessionToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class ApiV2RecordsTest {

    private static RequestSpecification withKey() {
        return given().header("api-key", integrationApiKey());
    }

    private static int createPartner(Map<String, Object> values) {
        return withKey().contentType(ContentType.JSON).body(values).post("/api/v2/create/res.partner").then()
                .statusCode(201).extract().jsonPath().getInt("data.id");
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void createAnswersTheNewId() {
        withKey().contentType(ContentType.JSON).body(Map.of("name", unique("Acme"), "is_company", true))
                .post("/api/v2/create/res.partner").then().statusCode(201)
                .body("success", equalTo(true))
                .body("data.id", greaterThan(0))
                .body("data.model", equalTo("res.partner"));
    }

    @Test
    void createWorksWithASessionToken() {
        given().header("session-token", sessionToken(ADMIN_LOGIN, ADMIN_PASSWORD)).contentType(ContentType.JSON)
                .body(Map.of("name", unique("Session made"))).post("/api/v2/create/res.partner").then().statusCode(201);
    }

    @Test
    void createThatBreaksAConstraintIsAValidationError() {
        withKey().contentType(ContentType.JSON).body(Map.of("name", "Dog without owner"))
                .post("/api/v2/create/customk9.dog").then().statusCode(400)
                .body("success", equalTo(false)).body("error.code", equalTo("VALIDATION_ERROR"));
    }

    @Test
    void createWithMalformedJsonIsInvalidJson() {
        withKey().contentType(ContentType.JSON).body("{\"name\": \"x\"").post("/api/v2/create/res.partner").then()
                .statusCode(400).body("error.code", equalTo("INVALID_JSON"));
        withKey().contentType(ContentType.JSON).body("").post("/api/v2/create/res.partner").then()
                .statusCode(400).body("error.code", equalTo("INVALID_JSON"));
    }

    @Test
    void createInAnUnknownModelIsModelNotFound() {
        withKey().contentType(ContentType.JSON).body(Map.of("name", "x")).post("/api/v2/create/no.model").then()
                .statusCode(404).body("error.code", equalTo("MODEL_NOT_FOUND"));
    }

    @Test
    void getByIdAnswersTheSeedShape() {
        int id = createPartner(Map.of("name", unique("Shape"), "city", "Ghent", "email", "shape@example.com"));
        withKey().get("/api/v2/search/res.partner/" + id + "?fields=name,email,city").then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.record.id", equalTo(id))
                .body("data.record.city", equalTo("Ghent"))
                .body("data.model", equalTo("res.partner"))
                .body("data.id", equalTo(id))
                .body("data.fields_returned", contains("id", "name", "email", "city"))
                .body("data.total_fields_available", greaterThan(10))
                .body("message", equalTo("Found record " + id + " in res.partner"));
    }

    @Test
    void getAllFieldsWhenNoneAreAsked() {
        int id = createPartner(Map.of("name", unique("All")));
        withKey().get("/api/v2/search/res.partner/" + id).then().statusCode(200)
                .body("data.record", hasKey("email"))
                .body("data.record.email", equalTo(false));
    }

    @Test
    void missingRecordIsRecordNotFound() {
        withKey().get("/api/v2/search/res.partner/99999").then().statusCode(404)
                .body("success", equalTo(false))
                .body("error.code", equalTo("RECORD_NOT_FOUND"))
                .body("error.message", equalTo("Record with ID 99999 not found in res.partner"));
    }

    @Test
    void unknownModelIsModelNotFound() {
        withKey().get("/api/v2/search/invalid.model/1").then().statusCode(404)
                .body("error.code", equalTo("MODEL_NOT_FOUND"))
                .body("error.message", equalTo("Model 'invalid.model' not found"));
        withKey().get("/api/v2/search/invalid.model").then().statusCode(404).body("error.code", equalTo("MODEL_NOT_FOUND"));
    }

    @Test
    void nonNumericIdIsAValidationError() {
        withKey().get("/api/v2/search/res.partner/abc").then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
    }

    @Test
    void unknownFieldIsAValidationError() {
        int id = createPartner(Map.of("name", unique("Fields")));
        withKey().get("/api/v2/search/res.partner/" + id + "?fields=name,nosuchfield").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"));
        withKey().get("/api/v2/search/res.partner?nosuchfield=1").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"));
    }

    @Test
    void searchFiltersByFieldValuesAndPages() {
        String city = unique("City");
        for (int i = 0; i < 3; i++) {
            createPartner(Map.of("name", unique("Paged"), "city", city, "is_company", i == 0));
        }
        withKey().get("/api/v2/search/res.partner?city=" + city + "&limit=2&offset=0&fields=name,city").then()
                .statusCode(200)
                .body("data.records.size()", equalTo(2))
                .body("data.records.city", everyItem(equalTo(city)))
                .body("data.total", equalTo(3))
                .body("data.limit", equalTo(2));
        withKey().get("/api/v2/search/res.partner?city=" + city + "&limit=2&offset=2").then()
                .body("data.records.size()", equalTo(1));
        withKey().get("/api/v2/search/res.partner?city=" + city + "&is_company=true").then()
                .body("data.records.size()", equalTo(1));
    }

    @Test
    void searchTakesAJsonDomain() {
        String city = unique("Domain");
        createPartner(Map.of("name", "Alpha " + city, "city", city));
        createPartner(Map.of("name", "Beta " + city, "city", city));
        withKey().queryParam("domain", "[\"&\", [\"city\", \"=\", \"" + city + "\"], [\"name\", \"ilike\", \"alpha\"]]")
                .queryParam("fields", "name")
                .get("/api/v2/search/res.partner").then().statusCode(200)
                .body("data.records.name", contains("Alpha " + city));
    }

    @Test
    void malformedDomainIsAValidationError() {
        for (String domain : List.of("not json", "{\"a\":1}", "[[\"name\", \"nope\", 1]]", "[[\"nosuch\", \"=\", 1]]", "[\"|\"]")) {
            int status = withKey().queryParam("domain", domain).get("/api/v2/search/res.partner").then()
                    .body("success", equalTo(false)).extract().statusCode();
            assertThat(status).as(domain).isEqualTo(400);
        }
    }

    @Test
    void searchDefaultsToTenRecords() {
        for (int i = 0; i < 11; i++) {
            createPartner(Map.of("name", unique("Many")));
        }
        withKey().get("/api/v2/search/res.partner").then().statusCode(200).body("data.records.size()", equalTo(10));
    }

    @Test
    void badPagingParametersAreValidationErrors() {
        withKey().get("/api/v2/search/res.partner?limit=abc").then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
        withKey().get("/api/v2/search/res.partner?offset=-1").then().statusCode(400);
    }

    @Test
    void fieldsDescribesTheModel() {
        withKey().get("/api/v2/fields/customk9.dog").then().statusCode(200)
                .body("data.model", equalTo("customk9.dog"))
                .body("data.fields.owner_id.type", equalTo("many2one"))
                .body("data.count", greaterThan(3));
        given().header("session-token", sessionToken(ADMIN_LOGIN, ADMIN_PASSWORD)).get("/api/v2/fields/res.partner").then()
                .statusCode(200);
        withKey().get("/api/v2/fields/no.model").then().statusCode(404).body("error.code", equalTo("MODEL_NOT_FOUND"));
    }

    @Test
    void searchNeedsAuthentication() {
        given().get("/api/v2/search/res.partner").then().statusCode(401).body("error.code", equalTo("AUTHENTICATION_REQUIRED"))
                .body("$", not(hasKey("data")));
    }
}
