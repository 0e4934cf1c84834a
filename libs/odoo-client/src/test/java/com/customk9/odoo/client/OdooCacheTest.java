package com.customk9.odoo.client;

import static com.customk9.odoo.client.support.Emulator.ANNA_PARTNER;
import static com.customk9.odoo.client.support.Emulator.DOG_BELLA;
import static com.customk9.odoo.client.support.Emulator.DOG_REX;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.customk9.odoo.client.auth.OdooUserSession;
import com.customk9.odoo.client.domain.Domain;
import com.customk9.odoo.client.record.OdooRecord;
import com.customk9.odoo.client.record.SearchQuery;
import com.customk9.odoo.client.support.Emulator;
import com.customk9.odoo.client.support.EmulatorTest;

import io.quarkus.test.junit.QuarkusTest;

/** The Redis read-through cache: hits, misses, identities, TTLs and invalidation. */
@QuarkusTest
class OdooCacheTest extends EmulatorTest {

    private static final String DOG = "customk9.dog";
    private static final SearchQuery ANNAS_DOGS = SearchQuery.where(Domain.where("owner_id", "=", ANNA_PARTNER))
            .fields("name", "owner_id").orderBy("name");

    @BeforeAll
    static void seededData() {
        Emulator.reset();
    }

    @BeforeEach
    void integrationUserSignedIn() {
        await(odoo.searchCount(DOG, Domain.where("id", "=", 0)));
        redis.execute("FLUSHDB");
        Emulator.clearStats();
    }

    @Test
    void answersARepeatedReadFromRedis() {
        long hitsBefore = timed(DOG, "search_read", "cache_hit");

        List<OdooRecord> first = await(odoo.searchRead(DOG, ANNAS_DOGS));
        List<OdooRecord> second = await(odoo.searchRead(DOG, ANNAS_DOGS));

        assertThat(second).isEqualTo(first);
        assertThat(Emulator.calls("jsonrpc", DOG, "search_read")).isEqualTo(1);
        assertThat(timed(DOG, "search_read", "cache_hit")).isEqualTo(hitsBefore + 1);
    }

    @Test
    void cachesEveryReadVerbOnBothSurfaces() {
        for (int round = 0; round < 2; round++) {
            await(odoo.search(DOG, SearchQuery.all().fields("name").limit(5)));
            await(odoo.get(DOG, DOG_REX, "name"));
            await(odoo.fields(DOG));
            await(odoo.searchCount(DOG, Domain.all()));
            await(odoo.read(DOG, List.of(DOG_REX), List.of("name")));
            await(odoo.nameSearch(DOG, "Re", Domain.all(), "ilike", 5));
            await(odoo.fieldsGet(DOG, List.of("type")));
        }

        assertThat(Emulator.totalRequests()).isEqualTo(7);
    }

    @Test
    void treatsTheSameQuestionAskedDifferentlyAsTheSame() {
        await(odoo.read(DOG, List.of(DOG_REX), List.of("name", "breed")));
        await(odoo.read(DOG, List.of(DOG_REX), List.of("breed", "name")));

        assertThat(Emulator.calls("jsonrpc", DOG, "read")).isEqualTo(1);
    }

    @Test
    void neverSharesAnAnswerBetweenIdentities() {
        OdooUserSession anna = await(odoo.login(Emulator.CLIENT_LOGIN, Emulator.CLIENT_PASSWORD));
        SearchQuery everyDog = SearchQuery.all().fields("name").limit(50);

        List<OdooRecord> asIntegration = await(odoo.search(DOG, everyDog));
        List<OdooRecord> asAnna = await(odoo.as(anna).search(DOG, everyDog));
        List<OdooRecord> asAnnaAgain = await(odoo.as(anna).search(DOG, everyDog));

        assertThat(asAnna).hasSizeLessThan(asIntegration.size()).isEqualTo(asAnnaAgain);
        assertThat(Emulator.calls("api_v2", DOG, "search")).isEqualTo(2);
        assertThat(redis.key().keys("odoo:customk9:c:customk9.dog:api.search:*"))
                .anyMatch(key -> key.contains(":integration:"))
                .anyMatch(key -> key.contains(":user:" + anna.userId() + ":"));
    }

    @Test
    void keepsEntriesForTheModelsTtl() {
        await(odoo.searchRead(DOG, ANNAS_DOGS));
        await(odoo.searchRead("res.partner", SearchQuery.all().fields("name").limit(3)));

        String dogKey = redis.key().keys("odoo:customk9:c:customk9.dog:search_read:*").get(0);
        String partnerKey = redis.key().keys("odoo:customk9:c:res.partner:search_read:*").get(0);
        assertThat(redis.key().ttl(dogKey)).isBetween(280L, 300L);
        assertThat(redis.key().ttl(partnerKey)).isBetween(100L, 120L);
    }

    @Test
    void doesntCacheAModelWhoseTtlIsZero() {
        SearchQuery employees = SearchQuery.all().fields("name").limit(5);

        await(odoo.searchRead("hr.employee", employees));
        await(odoo.searchRead("hr.employee", employees));

        assertThat(Emulator.calls("jsonrpc", "hr.employee", "search_read")).isEqualTo(2);
    }

    @Test
    void aWebhookSubjectDropsTheRecordAndTheModelsQueries() {
        await(odoo.searchRead(DOG, ANNAS_DOGS));
        await(odoo.read(DOG, List.of(DOG_REX), List.of("name")));
        await(odoo.read(DOG, List.of(DOG_BELLA), List.of("name")));

        await(odoo.invalidate("customk9.dog:" + DOG_REX));
        await(odoo.searchRead(DOG, ANNAS_DOGS));
        await(odoo.read(DOG, List.of(DOG_REX), List.of("name")));
        await(odoo.read(DOG, List.of(DOG_BELLA), List.of("name")));

        assertThat(Emulator.calls("jsonrpc", DOG, "search_read")).isEqualTo(2);
        assertThat(Emulator.calls("jsonrpc", DOG, "read")).isEqualTo(3);
    }

    @Test
    void aChangeToAnotherModelLeavesTheCacheAlone() {
        await(odoo.searchRead(DOG, ANNAS_DOGS));

        await(odoo.invalidate("res.partner", ANNA_PARTNER));
        await(odoo.searchRead(DOG, ANNAS_DOGS));

        assertThat(Emulator.calls("jsonrpc", DOG, "search_read")).isEqualTo(1);
    }

    @Test
    void invalidatingAModelDropsAllOfIt() {
        await(odoo.read(DOG, List.of(DOG_REX), List.of("name")));
        await(odoo.fields(DOG));

        await(odoo.invalidate("customk9.dog"));
        await(odoo.read(DOG, List.of(DOG_REX), List.of("name")));
        await(odoo.fields(DOG));

        assertThat(Emulator.totalRequests()).isEqualTo(4);
        assertThat(redis.key().keys("odoo:customk9:c:customk9.dog:*")).hasSize(2);
    }

    @Test
    void aWriteThroughTheClientIsReadBackAtOnce() {
        await(odoo.read(DOG, List.of(DOG_REX), List.of("notes")));
        await(odoo.searchRead(DOG, ANNAS_DOGS));

        await(odoo.write(DOG, List.of(DOG_REX), Map.of("notes", "Cached no more")));

        assertThat(await(odoo.read(DOG, List.of(DOG_REX), List.of("notes"))).get(0).text("notes")).isEqualTo("Cached no more");
        assertThat(Emulator.calls("jsonrpc", DOG, "read")).isEqualTo(2);
    }

    @Test
    void aCreateThroughTheClientShowsInTheNextSearch() {
        long before = await(odoo.searchCount(DOG, Domain.where("owner_id", "=", ANNA_PARTNER)));

        await(odoo.create(DOG, Map.of("name", "Newcomer", "owner_id", ANNA_PARTNER)));

        assertThat(await(odoo.searchCount(DOG, Domain.where("owner_id", "=", ANNA_PARTNER)))).isEqualTo(before + 1);
    }

    @Test
    void aFailureIsNeverCached() {
        Emulator.errorRate(1.0, "http", "/jsonrpc");
        org.assertj.core.api.Assertions.catchThrowable(() -> await(odoo.searchRead(DOG, ANNAS_DOGS)));
        Emulator.clearFaults();

        assertThat(await(odoo.searchRead(DOG, ANNAS_DOGS))).isNotEmpty();
        assertThat(redis.key().keys("odoo:customk9:c:customk9.dog:search_read:*")).hasSize(1);
    }
}
