package com.customk9.platform.testing;

import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Empties a service's tables between tests, keeping the schema and Flyway's history.
 * Works on the service's own reactive pool: {@code DatabaseCleaner.truncateAll(pool)}.
 */
public final class DatabaseCleaner {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private DatabaseCleaner() {
    }

    /** Truncates every table of the current schema except Flyway's history, resetting sequences. */
    public static void truncateAll(Pool pool) {
        List<String> tables = StreamSupport.stream(pool.query("""
                select quote_ident(tablename) as name from pg_tables
                where schemaname = current_schema() and tablename not like 'flyway%'
                """).execute().await().atMost(TIMEOUT).spliterator(), false)
                .map((Row row) -> row.getString("name"))
                .toList();
        truncate(pool, tables);
    }

    /** Truncates the named tables, resetting sequences. */
    public static void truncate(Pool pool, List<String> tables) {
        if (tables.isEmpty()) {
            return;
        }
        pool.query("truncate table " + String.join(", ", tables) + " restart identity cascade")
                .execute().await().atMost(TIMEOUT);
    }
}
