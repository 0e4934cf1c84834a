package com.customk9.emulator.jsonrpc;

import static com.customk9.emulator.jsonrpc.OdooTestClient.DB;
import static com.customk9.emulator.jsonrpc.OdooTestClient.call;
import static com.customk9.emulator.jsonrpc.OdooTestClient.executeKw;
import static com.customk9.emulator.jsonrpc.OdooTestClient.integrationApiKey;
import static com.customk9.emulator.jsonrpc.OdooTestClient.integrationUid;
import static com.customk9.emulator.jsonrpc.OdooTestClient.rpc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ExecuteKwTest {

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static long createPartner(String name, String city) {
        Number id = call("res.partner", "create", List.of(Map.of("name", name, "city", city)), Map.of());
        return id.longValue();
    }

    @Test
    void searchReadHonoursDomainFieldsOrderAndLimit() {
        String tag = unique("Kennel");
        createPartner(tag + " B", "Ghent");
        createPartner(tag + " A", "Ghent");
        createPartner(tag + " C", "Bruges");

        List<Map<String, Object>> rows = call("res.partner", "search_read",
                List.of(List.of(List.of("name", "like", tag), List.of("city", "=", "Ghent"))),
                Map.of("fields", List.of("name", "city"), "order", "name asc", "limit", 5));

        assertThat(rows).extracting(r -> r.get("name")).containsExactly(tag + " A", tag + " B");
        assertThat(rows.get(0)).containsOnlyKeys("id", "name", "city");
    }

    @Test
    void searchAndSearchCountAgree() {
        String tag = unique("Count");
        createPartner(tag + " 1", "Ghent");
        createPartner(tag + " 2", "Ghent");
        List<Integer> ids = call("res.partner", "search", List.of(List.of(List.of("name", "like", tag))), Map.of());
        Integer count = call("res.partner", "search_count", List.of(List.of(List.of("name", "like", tag))), Map.of());
        Integer countedBySearch = call("res.partner", "search", List.of(List.of(List.of("name", "like", tag))),
                Map.of("count", true));
        assertThat(ids).hasSize(2);
        assertThat(count).isEqualTo(2);
        assertThat(countedBySearch).isEqualTo(2);
    }

    @Test
    void createWriteReadUnlinkRoundTrip() {
        String name = unique("Round trip");
        long id = createPartner(name, "Ghent");

        Boolean written = call("res.partner", "write", List.of(List.of(id), Map.of("city", "Antwerp")), Map.of());
        List<Map<String, Object>> read = call("res.partner", "read", List.of(List.of(id)), Map.of("fields", List.of("city")));
        Boolean unlinked = call("res.partner", "unlink", List.of(List.of(id)), Map.of());
        Integer left = call("res.partner", "search_count", List.of(List.of(List.of("id", "=", id))), Map.of());

        assertThat(written).isTrue();
        assertThat(read).singleElement().satisfies(row -> assertThat(row.get("city")).isEqualTo("Antwerp"));
        assertThat(unlinked).isTrue();
        assertThat(left).isZero();
    }

    @Test
    void createWithAListReturnsAListOfIds() {
        List<Integer> ids = call("res.partner", "create",
                List.of(List.of(Map.of("name", unique("Batch")), Map.of("name", unique("Batch")))), Map.of());
        assertThat(ids).hasSize(2);
    }

    @Test
    void readWithLoadNoneGivesBareMany2oneIds() {
        long owner = createPartner(unique("Owner"), "Ghent");
        Number dog = call("customk9.dog", "create", List.of(Map.of("name", unique("Rex"), "owner_id", owner)), Map.of());
        List<Map<String, Object>> classic = call("customk9.dog", "read", List.of(List.of(dog), List.of("owner_id")), Map.of());
        List<Map<String, Object>> bare = call("customk9.dog", "read", List.of(List.of(dog), List.of("owner_id")),
                Map.of("load", false));
        assertThat((List<?>) classic.get(0).get("owner_id")).first().isEqualTo((int) owner);
        assertThat(bare.get(0).get("owner_id")).isEqualTo((int) owner);
    }

    @Test
    void fieldsGetDescribesTheModel() {
        Map<String, Map<String, Object>> fields = call("customk9.dog", "fields_get", List.of(),
                Map.of("attributes", List.of("type", "required", "relation")));
        assertThat(fields.get("owner_id")).containsEntry("type", "many2one").containsEntry("relation", "res.partner");
        assertThat(fields.get("name")).containsEntry("required", true);

        Map<String, Map<String, Object>> some = call("customk9.dog", "fields_get", List.of(List.of("name")), Map.of());
        assertThat(some).containsOnlyKeys("name");
    }

    @Test
    void nameSearchFindsByName() {
        String name = unique("Findme");
        long id = createPartner(name, "Ghent");
        List<List<Object>> found = call("res.partner", "name_search", List.of(name), Map.of("limit", 5));
        assertThat(found).singleElement().satisfies(pair -> assertThat(pair.get(0)).isEqualTo((int) id));
    }

    @Test
    void checkAccessRightsAnswersTrue() {
        Boolean allowed = call("res.partner", "check_access_rights", List.of("read"), Map.of("raise_exception", false));
        assertThat(allowed).isTrue();
    }

    @Test
    void wrongPasswordIsAccessDenied() {
        executeKw(integrationUid(), "not-the-key", "res.partner", "search", List.of(List.of()), Map.of()).then()
                .statusCode(200)
                .body("error.code", equalTo(200))
                .body("error.message", equalTo("Odoo Server Error"))
                .body("error.data.name", equalTo("odoo.exceptions.AccessDenied"))
                .body("error.data.message", equalTo("Access Denied"));
    }

    @Test
    void uidThatIsNotANumberIsAValueError() {
        rpc("object", "execute_kw", DB, "abc", integrationApiKey(), "res.partner", "search", List.of(List.of()))
                .then().body("error.data.name", equalTo("builtins.ValueError"));
    }

    @Test
    void unknownModelIsAUserError() {
        executeKw(integrationUid(), integrationApiKey(), "no.such.model", "search", List.of(List.of()), Map.of()).then()
                .body("error.data.name", equalTo("odoo.exceptions.UserError"))
                .body("error.data.message", equalTo("Object no.such.model doesn't exist"));
    }

    @Test
    void unknownMethodIsAnAttributeError() {
        executeKw(integrationUid(), integrationApiKey(), "res.partner", "explode", List.of(), Map.of()).then()
                .body("error.data.name", equalTo("builtins.AttributeError"))
                .body("error.data.message", equalTo("The method 'explode' does not exist on the model 'res.partner'"));
    }

    @Test
    void privateMethodIsAnAccessError() {
        executeKw(integrationUid(), integrationApiKey(), "res.partner", "_write", List.of(), Map.of()).then()
                .body("error.data.name", equalTo("odoo.exceptions.AccessError"))
                .body("error.data.message", containsString("Private methods (such as _write) cannot be called remotely"));
    }

    @Test
    void missingRequiredFieldIsAValidationError() {
        executeKw(integrationUid(), integrationApiKey(), "customk9.dog", "create", List.of(Map.of("name", "No owner")), Map.of())
                .then().statusCode(200)
                .body("error.data.name", equalTo("odoo.exceptions.ValidationError"))
                .body("$", not(hasKey("result")));
    }

    @Test
    void readingADeletedRecordIsAMissingError() {
        executeKw(integrationUid(), integrationApiKey(), "res.partner", "read", List.of(List.of(987654321)), Map.of()).then()
                .body("error.data.name", equalTo("odoo.exceptions.MissingError"));
    }

    @Test
    void unexpectedKeywordIsATypeError() {
        executeKw(integrationUid(), integrationApiKey(), "res.partner", "search_read", List.of(List.of()),
                Map.of("colour", "blue")).then()
                .body("error.data.name", equalTo("builtins.TypeError"))
                .body("error.data.message", equalTo("search_read() got an unexpected keyword argument 'colour'"));
    }

    @Test
    void contextKeywordIsAccepted() {
        executeKw(integrationUid(), integrationApiKey(), "res.partner", "search_count", List.of(List.of()),
                Map.of("context", Map.of("lang", "en_US"))).then().body("$", not(hasKey("error")));
    }

    @Test
    void malformedDomainIsAnErrorNotACrash() {
        for (Object domain : Arrays.asList("not a list", List.of(List.of("name")), List.of(List.of("nosuchfield", "=", 1)),
                List.of(List.of("name", "bogus-operator", 1)), List.of("&"), List.of(Map.of("a", 1)), 42)) {
            executeKw(integrationUid(), integrationApiKey(), "res.partner", "search", List.of(domain), Map.of()).then()
                    .statusCode(200)
                    .body("error.code", equalTo(200))
                    .body("error.data.name", org.hamcrest.Matchers.not(equalTo("builtins.Exception")));
        }
    }

    @Test
    void executeTakesPositionalArguments() {
        rpc("object", "execute", DB, integrationUid(), integrationApiKey(), "res.partner", "search_count", List.of())
                .then().body("result", org.hamcrest.Matchers.greaterThanOrEqualTo(0));
    }

    @Test
    void otherObjectMethodsAreNameErrors() {
        rpc("object", "execute_nope", DB, integrationUid(), integrationApiKey()).then()
                .body("error.data.name", equalTo("builtins.NameError"));
    }

    @Test
    void idsMayBeASingleInteger() {
        long id = createPartner(unique("Single"), "Ghent");
        List<Map<String, Object>> rows = call("res.partner", "read", List.of(id, List.of("name")), Map.of());
        assertThat(rows).extracting(r -> r.get("id")).containsExactly((int) id);
    }

    @Test
    void archivedRecordsAppearOnlyWithActiveTestOff() {
        long owner = createPartner(unique("Archivist"), "Ghent");
        Number dog = call("customk9.dog", "create", List.of(Map.of("name", unique("Old"), "owner_id", owner, "active", false)),
                Map.of());
        List<Object> domain = List.of(List.of("id", "=", dog));
        List<Integer> hidden = call("customk9.dog", "search", List.of(domain), Map.of());
        List<Integer> shown = call("customk9.dog", "search", List.of(domain), Map.of("context", Map.of("active_test", false)));
        assertThat(hidden).isEmpty();
        assertThat(shown).containsExactly(dog.intValue());
    }
}
