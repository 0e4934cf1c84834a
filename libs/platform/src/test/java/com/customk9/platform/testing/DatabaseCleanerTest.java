package com.customk9.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.customk9.platform.support.Db;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The clean-up helper every service's tests use, checked against the real database. */
@QuarkusTest
class DatabaseCleanerTest {

    @Inject
    Pool pool;

    private void insertKennel(String name) {
        pool.preparedQuery("insert into kennel (name) values ($1)").execute(Tuple.of(name)).await().indefinitely();
    }

    @Test
    void truncatesTheNamedTablesAndRestartsTheirIds() {
        insertKennel("before-" + UUID.randomUUID());
        pool.query("insert into kennel_visit (kennel_name, visits) values ('kept', 1) on conflict do nothing")
                .execute().await().indefinitely();

        DatabaseCleaner.truncate(pool, List.of("kennel"));

        assertThat(Db.count(pool, "select count(*) from kennel")).isZero();
        assertThat(Db.count(pool, "select count(*) from kennel_visit where kennel_name = 'kept'")).isEqualTo(1);
        insertKennel("after-" + UUID.randomUUID());
        assertThat(Db.count(pool, "select max(id) from kennel")).isEqualTo(1);
    }

    @Test
    void truncatesEveryTableButKeepsTheSchemaHistory() {
        insertKennel("any-" + UUID.randomUUID());
        long migrations = Db.count(pool, "select count(*) from flyway_schema_history");

        DatabaseCleaner.truncateAll(pool);

        assertThat(Db.count(pool, "select count(*) from kennel")).isZero();
        assertThat(Db.count(pool, "select count(*) from kennel_visit")).isZero();
        assertThat(Db.count(pool, "select count(*) from outbox_event")).isZero();
        assertThat(Db.count(pool, "select count(*) from flyway_schema_history")).isEqualTo(migrations).isPositive();
    }
}
