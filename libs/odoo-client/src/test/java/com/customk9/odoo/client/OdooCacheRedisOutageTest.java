package com.customk9.odoo.client;

import static com.customk9.odoo.client.support.Emulator.ANNA_PARTNER;
import static com.customk9.odoo.client.support.Emulator.DOG_REX;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.customk9.odoo.client.cache.OdooCache;
import com.customk9.odoo.client.domain.Domain;
import com.customk9.odoo.client.record.OdooRecord;
import com.customk9.odoo.client.record.SearchQuery;
import com.customk9.odoo.client.support.Emulator;
import com.customk9.odoo.client.support.RedisBehindProxyProfile;
import com.customk9.odoo.client.support.RedisProxyResource;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Redis goes away and comes back: the client keeps answering, then caches again without stale entries. */
@QuarkusTest
@TestProfile(RedisBehindProxyProfile.class)
class OdooCacheRedisOutageTest {

    private static final String DOG = "customk9.dog";
    private static final SearchQuery ANNAS_DOGS = SearchQuery.where(Domain.where("owner_id", "=", ANNA_PARTNER))
            .fields("name", "notes");

    @Inject
    OdooClient odoo;

    @Inject
    OdooCache cache;

    @Inject
    MeterRegistry meters;

    @BeforeEach
    void redisUpAndEmpty() throws Exception {
        RedisProxyResource.PROXY.restore();
        Emulator.reset();
        awaitCacheHealthy();
        await(odoo.invalidateModel(DOG));
        Emulator.clearStats();
    }

    @AfterEach
    void redisBack() throws Exception {
        RedisProxyResource.PROXY.restore();
    }

    @Test
    void keepsAnsweringFromOdooWhileRedisIsDown() throws Exception {
        await(odoo.searchRead(DOG, ANNAS_DOGS));
        RedisProxyResource.PROXY.cut();

        long started = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            assertThat(await(odoo.searchRead(DOG, ANNAS_DOGS))).isNotEmpty();
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(Emulator.calls("jsonrpc", DOG, "search_read")).isEqualTo(6);
        assertThat(cache.isDegraded()).isTrue();
        assertThat(meters.find("odoo.client.cache.errors").counters()).isNotEmpty();
    }

    @Test
    void appliesTheInvalidationsRedisMissedBeforeServingFromItAgain() throws Exception {
        await(odoo.searchRead(DOG, ANNAS_DOGS));
        RedisProxyResource.PROXY.cut();

        await(odoo.write(DOG, List.of(DOG_REX), Map.of("notes", "Changed while Redis was away")));
        RedisProxyResource.PROXY.restore();
        awaitCacheHealthy();

        assertThat(notesOfRex(await(odoo.searchRead(DOG, ANNAS_DOGS)))).isEqualTo("Changed while Redis was away");
        long callsBefore = Emulator.calls("jsonrpc", DOG, "search_read");
        await(odoo.searchRead(DOG, ANNAS_DOGS));
        assertThat(Emulator.calls("jsonrpc", DOG, "search_read")).isEqualTo(callsBefore);
    }

    private void awaitCacheHealthy() {
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
            await(odoo.searchCount("res.partner", Domain.where("id", "=", 0)));
            return !cache.isDegraded();
        });
    }

    private static String notesOfRex(List<OdooRecord> dogs) {
        return dogs.stream().filter(dog -> dog.id() == DOG_REX).findFirst().orElseThrow().text("notes");
    }

    private static <T> T await(io.smallrye.mutiny.Uni<T> uni) {
        return Emulator.await(uni);
    }
}
