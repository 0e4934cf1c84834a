package com.customk9.emulator.orm;

import static com.customk9.emulator.seed.DemoIds.ADMIN_UID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.customk9.emulator.seed.DemoIds;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What a restart keeps: a second {@link OdooOrm} built on the same database (as a restarted emulator would be)
 * loads what the first one wrote.
 */
@QuarkusTest
class PersistenceTest {

    @Inject
    Orm orm;

    @Inject
    @DataSource("odoo")
    AgroalDataSource dataSource;

    @Inject
    OrmConfig config;

    private OdooOrm restarted() {
        OdooOrm fresh = new OdooOrm(dataSource, config, Clock.systemUTC());
        fresh.ensureLoaded();
        return fresh;
    }

    @AfterEach
    void backToOneConsistentStore() {
        orm.resetToSeed();
    }

    @Test
    void recordsSurviveARestart() {
        long dog = orm.create(ADMIN_UID, "customk9.dog", Map.of("name", "Durable", "owner_id", DemoIds.ANNA_PARTNER,
                "weight", 18.25, "birth_date", "2022-02-02", "plan_ids", List.of(List.of(0, 0,
                        Map.of("name", "Durable plan")))));
        long post = orm.create(ADMIN_UID, "blog.post", Map.of("name", "Durable post", "blog_id", 1,
                "tag_ids", List.of(List.of(6, 0, List.of(1, 2)))));
        List<String> fields = List.of("name", "owner_id", "weight", "birth_date", "plan_ids", "create_date");
        Map<String, Object> before = orm.read(ADMIN_UID, "customk9.dog", List.of(dog), fields).get(0);

        OdooOrm fresh = restarted();
        assertThat(fresh.read(ADMIN_UID, "customk9.dog", List.of(dog), fields).get(0)).isEqualTo(before);
        assertThat(fresh.read(ADMIN_UID, "blog.post", List.of(post), List.of("tag_ids")).get(0))
                .containsEntry("tag_ids", List.of(1L, 2L));
    }

    @Test
    void deletionsAndUpdatesSurviveARestart() {
        long dog = orm.create(ADMIN_UID, "customk9.dog", Map.of("name", "Short-lived", "owner_id", DemoIds.BEN_PARTNER));
        orm.write(ADMIN_UID, "customk9.dog", List.of(DemoIds.DOG_REX), Map.of("training_level", "advanced"));
        orm.unlink(ADMIN_UID, "customk9.dog", List.of(dog));

        OdooOrm fresh = restarted();
        assertThatThrownBy(() -> fresh.read(ADMIN_UID, "customk9.dog", List.of(dog), null))
                .isInstanceOf(OdooException.MissingError.class);
        assertThat(fresh.read(ADMIN_UID, "customk9.dog", List.of(DemoIds.DOG_REX), List.of("training_level")).get(0))
                .containsEntry("training_level", "advanced");
    }

    @Test
    void idsAndNumbersAreNeverReusedAfterARestart() {
        long dog = orm.create(ADMIN_UID, "customk9.dog", Map.of("name", "Numbered", "owner_id", DemoIds.BEN_PARTNER));
        orm.unlink(ADMIN_UID, "customk9.dog", List.of(dog));
        long order = orm.create(ADMIN_UID, "sale.order", Map.of("partner_id", DemoIds.BEN_PARTNER));
        String name = (String) orm.read(ADMIN_UID, "sale.order", List.of(order), List.of("name")).get(0).get("name");

        OdooOrm fresh = restarted();
        long next = fresh.create(ADMIN_UID, "customk9.dog", Map.of("name", "Next", "owner_id", DemoIds.BEN_PARTNER));
        assertThat(next).isGreaterThan(dog);
        long nextOrder = fresh.create(ADMIN_UID, "sale.order", Map.of("partner_id", DemoIds.BEN_PARTNER));
        assertThat((String) fresh.read(ADMIN_UID, "sale.order", List.of(nextOrder), List.of("name")).get(0).get("name"))
                .isGreaterThan(name);
    }

    @Test
    void credentialsSurviveARestart() {
        long user = orm.create(ADMIN_UID, "res.users", Map.of("name", "Restarted", "login", "restarted@example.com",
                "password", "still-valid"));
        String key = orm.users().createApiKey(user, "restart");

        OdooOrm fresh = restarted();
        assertThat(fresh.users().authenticate("restarted@example.com", "still-valid")).contains(user);
        assertThat(fresh.users().userForApiKey(key)).contains(user);
    }

    @Test
    void aFailedCallIsNotStored() {
        long dogs = orm.searchCount(ADMIN_UID, "customk9.dog", List.of(), Map.of("active_test", false));
        assertThatThrownBy(() -> orm.create(ADMIN_UID, "customk9.dog", Map.of("name", "Invalid",
                "owner_id", DemoIds.BEN_PARTNER, "training_level", "wizard")))
                .isInstanceOf(OdooException.ValueError.class);
        assertThat(restarted().searchCount(ADMIN_UID, "customk9.dog", List.of(), Map.of("active_test", false)))
                .isEqualTo(dogs);
    }

    @Test
    void resetToSeedDropsEverythingAndLoadsTheDemoBusinessAgain() {
        orm.create(ADMIN_UID, "customk9.dog", Map.of("name", "Temporary", "owner_id", DemoIds.BEN_PARTNER));
        orm.write(ADMIN_UID, "customk9.dog", List.of(DemoIds.DOG_REX), Map.of("name", "Renamed"));
        orm.users().setPassword(ADMIN_UID, "changed");

        orm.resetToSeed();

        assertThat(orm.search(ADMIN_UID, "customk9.dog", List.of(List.of("name", "=", "Temporary")), 0, null, null))
                .isEmpty();
        assertThat(orm.read(ADMIN_UID, "customk9.dog", List.of(DemoIds.DOG_REX), List.of("name")).get(0))
                .containsEntry("name", "Rex");
        assertThat(orm.users().authenticate("admin", "admin")).contains(ADMIN_UID);
        long next = orm.create(ADMIN_UID, "customk9.dog", Map.of("name", "After reset", "owner_id", DemoIds.BEN_PARTNER));
        assertThat(next).isEqualTo(DemoIds.DOG_BUDDY + 1);
        assertThat(restarted().read(ADMIN_UID, "customk9.dog", List.of(DemoIds.DOG_REX), List.of("name")).get(0))
                .containsEntry("name", "Rex");
    }
}
