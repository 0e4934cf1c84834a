package com.customk9.odoo.client;

import static com.customk9.odoo.client.support.Emulator.ANNA_PARTNER;
import static com.customk9.odoo.client.support.Emulator.DOG_REX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.customk9.odoo.client.batch.RelatedRecords;
import com.customk9.odoo.client.batch.Relation;
import com.customk9.odoo.client.domain.Domain;
import com.customk9.odoo.client.error.OdooNotFoundException;
import com.customk9.odoo.client.record.FieldInfo;
import com.customk9.odoo.client.record.Many2one;
import com.customk9.odoo.client.record.OdooRecord;
import com.customk9.odoo.client.record.SearchQuery;
import com.customk9.odoo.client.support.Emulator;
import com.customk9.odoo.client.support.EmulatorTest;

import io.quarkus.test.junit.QuarkusTest;

/** Every verb of the client against the emulator, as the integration user. */
@QuarkusTest
class OdooClientCallsTest extends EmulatorTest {

    private static final String DOG = "customk9.dog";

    @BeforeAll
    static void seededData() {
        Emulator.reset();
    }

    @Test
    void searchesThroughApiV2WithDomainFieldsAndPaging() {
        List<OdooRecord> annasDogs = await(odoo.search(DOG,
                SearchQuery.where(Domain.where("owner_id", "=", ANNA_PARTNER)).fields("name", "owner_id").limit(10)));

        assertThat(annasDogs).isNotEmpty().allSatisfy(dog -> {
            assertThat(dog.many2oneId("owner_id")).contains(ANNA_PARTNER);
            assertThat(dog.asMap().keySet()).containsExactlyInAnyOrder("id", "name", "owner_id");
        });
        List<OdooRecord> secondPage = await(odoo.search(DOG,
                SearchQuery.where(Domain.where("owner_id", "=", ANNA_PARTNER)).fields("name").limit(1).offset(1)));
        assertThat(secondPage).hasSize(1).first().extracting(OdooRecord::id).isEqualTo(annasDogs.get(1).id());
        assertThat(Emulator.calls("api_v2", DOG, "search")).isEqualTo(2);
    }

    @Test
    void refusesAnOrderOnApiV2Search() {
        assertThatThrownBy(() -> odoo.search(DOG, SearchQuery.all().orderBy("name")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("searchRead");
    }

    @Test
    void getsOneRecordByIdWithChosenFields() {
        OdooRecord rex = await(odoo.get(DOG, DOG_REX, "name", "owner_id", "birth_date"));

        assertThat(rex.id()).isEqualTo(DOG_REX);
        assertThat(rex.string("name")).contains("Rex");
        assertThat(rex.many2one("owner_id")).get().extracting(Many2one::id).isEqualTo(ANNA_PARTNER);
        assertThat(rex.has("breed")).isFalse();
    }

    @Test
    void createsThroughApiV2AndReadsTheRecordBack() {
        long id = await(odoo.create(DOG, Map.of("name", "Nova", "owner_id", ANNA_PARTNER,
                "birth_date", LocalDate.of(2024, 5, 1), "training_level", "beginner")));

        OdooRecord nova = await(odoo.get(DOG, id, "name", "birth_date", "owner_id"));
        assertThat(nova.string("name")).contains("Nova");
        assertThat(nova.date("birth_date")).contains(LocalDate.of(2024, 5, 1));
        assertThat(Emulator.calls("api_v2", DOG, "create")).isEqualTo(1);
    }

    @Test
    void describesFieldsThroughApiV2AndFieldsGet() {
        Map<String, FieldInfo> viaApi = await(odoo.fields(DOG));
        Map<String, FieldInfo> viaRpc = await(odoo.fieldsGet(DOG, List.of("type", "required", "relation", "string")));

        for (Map<String, FieldInfo> fields : List.of(viaApi, viaRpc)) {
            assertThat(fields.get("name").type()).isEqualTo("char");
            assertThat(fields.get("name").required()).isTrue();
            assertThat(fields.get("owner_id").relation()).contains("res.partner");
        }
        assertThat(viaApi.get("training_level").selection()).extracting(pair -> pair.get(0))
                .contains("beginner", "intermediate", "advanced");
    }

    @Test
    void listsUsersAndSaysWhoItIs() {
        List<OdooRecord> users = await(odoo.users(50, 0));
        OdooRecord me = await(odoo.me());

        assertThat(users).extracting(user -> user.text("login")).contains("admin", "integration@customk9.example");
        assertThat(me.text("login")).isEqualTo("integration@customk9.example");
    }

    @Test
    void searchReadsWithDomainOrderAndPaging() {
        SearchQuery query = SearchQuery.where(Domain.where("active", "=", true)
                .and(Domain.where("owner_id", "=", ANNA_PARTNER).or("owner_id.name", "ilike", "ben")))
                .fields("name", "owner_id").orderBy("name desc");

        List<OdooRecord> all = await(odoo.searchRead(DOG, query));
        List<OdooRecord> page = await(odoo.searchRead(DOG, query.limit(2).offset(1)));

        assertThat(all).extracting(dog -> dog.text("name")).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(all).extracting(dog -> dog.many2one("owner_id").orElseThrow().displayName())
                .allMatch(owner -> owner.startsWith("Anna") || owner.toLowerCase().contains("ben"));
        assertThat(page).containsExactlyElementsOf(all.subList(1, Math.min(3, all.size())));
    }

    @Test
    void demandsExplicitFieldsForSearchRead() {
        assertThatThrownBy(() -> odoo.searchRead(DOG, SearchQuery.all())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsWhatADomainMatches() {
        long annas = await(odoo.searchCount(DOG, Domain.where("owner_id", "=", ANNA_PARTNER)));
        long none = await(odoo.searchCount(DOG, Domain.none()));

        assertThat(annas).isEqualTo(await(odoo.searchRead(DOG,
                SearchQuery.where(Domain.where("owner_id", "=", ANNA_PARTNER)).fields("name"))).size());
        assertThat(none).isZero();
    }

    @Test
    void readsRecordsInTheOrderOfTheIds() {
        List<OdooRecord> dogs = await(odoo.read(DOG, List.of(2L, 1L), List.of("name", "owner_id", "plan_ids")));

        assertThat(dogs).extracting(OdooRecord::id).containsExactly(2L, 1L);
        assertThat(dogs.get(1).ids("plan_ids")).isNotEmpty();
        assertThat(await(odoo.read(DOG, List.of(), List.of("name")))).isEmpty();
    }

    @Test
    void nameSearchesPairs() {
        List<Many2one> found = await(odoo.nameSearch(DOG, "re", Domain.all(), "ilike", 5));

        assertThat(found).extracting(Many2one::displayName).contains("Rex");
        assertThat(found).allMatch(pair -> pair.displayName().toLowerCase().contains("re"));
    }

    @Test
    void writesThroughJsonRpc() {
        await(odoo.write(DOG, List.of(DOG_REX), Map.of("notes", "Loves the recall whistle", "training_level", "advanced")));

        OdooRecord rex = await(odoo.read(DOG, List.of(DOG_REX), List.of("notes", "training_level"))).get(0);
        assertThat(rex.string("notes")).contains("Loves the recall whistle");
        assertThat(rex.string("training_level")).contains("advanced");
        assertThat(Emulator.calls("jsonrpc", DOG, "write")).isEqualTo(1);
    }

    @Test
    void unlinksThroughJsonRpc() {
        long id = await(odoo.create(DOG, Map.of("name", "Short stay", "owner_id", ANNA_PARTNER)));

        await(odoo.unlink(DOG, List.of(id)));

        assertThat(await(odoo.searchCount(DOG, Domain.where("id", "=", id)))).isZero();
        assertThatThrownBy(() -> await(odoo.get(DOG, id))).isInstanceOf(OdooNotFoundException.class);
    }

    @Test
    void resolvesRelatedRecordsWithOneReadPerModel() {
        long twoPlans = await(odoo.create(DOG, Map.of("name", "Two plans", "owner_id", ANNA_PARTNER)));
        await(odoo.create("customk9.training.plan", Map.of("name", "Recall", "dog_id", twoPlans)));
        await(odoo.create("customk9.training.plan", Map.of("name", "Heel", "dog_id", twoPlans)));
        List<OdooRecord> dogs = await(odoo.searchRead(DOG, SearchQuery.all().fields("name", "owner_id", "plan_ids")));
        Emulator.clearStats();

        RelatedRecords related = await(RelatedRecords.resolve(odoo, dogs,
                Relation.of("owner_id", "res.partner", "name", "email"),
                Relation.of("plan_ids", "customk9.training.plan", "name", "state")));

        OdooRecord rex = dogs.stream().filter(dog -> dog.id() == DOG_REX).findFirst().orElseThrow();
        assertThat(related.of(rex, "owner_id")).get().extracting(owner -> owner.text("name")).asString().startsWith("Anna");
        assertThat(related.allOf(rex, "plan_ids")).isNotEmpty().allSatisfy(plan -> assertThat(plan.has("state")).isTrue());
        assertThat(dogs).allSatisfy(dog -> assertThat(related.allOf(dog, "plan_ids")).extracting(OdooRecord::id)
                .containsExactlyElementsOf(dog.ids("plan_ids")));
        assertThat(Emulator.calls("jsonrpc", "res.partner", "search_read")).isEqualTo(1);
        assertThat(Emulator.calls("jsonrpc", "customk9.training.plan", "search_read")).isEqualTo(1);
        assertThat(Emulator.totalRequests()).isEqualTo(2);
    }
}
