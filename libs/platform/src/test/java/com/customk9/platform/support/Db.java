package com.customk9.platform.support;

import java.time.Duration;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Small blocking reads for assertions. */
public final class Db {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private Db() {
    }

    public static long count(Pool pool, String sql, Object... parameters) {
        Row row = pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().atMost(TIMEOUT).iterator().next();
        return row.getLong(0);
    }
}
