package com.customk9.attendance.log;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.customk9.attendance.api.Json;
import com.customk9.attendance.api.Times;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The service's own log of what it did, served by {@code GET /api/v1/logs} (levels info/warning/error,
 * categories sync/api/system/attendance) and purged after the retention. A log entry that cannot be
 * written is reported in the process log and never fails the request that caused it.
 */
@ApplicationScoped
public class SystemLogs {

    public static final List<String> LEVELS = List.of("info", "warning", "error");
    public static final List<String> CATEGORIES = List.of("sync", "api", "system", "attendance");
    private static final Logger LOG = Logger.getLogger(SystemLogs.class);
    private static final String INSERT = "insert into system_log (level, category, message, details) values ($1, $2, $3, $4)";

    private final Pool pool;
    private final ObjectMapper mapper;
    private final Times times;
    private final Duration retention;

    public SystemLogs(Pool pool, ObjectMapper mapper, Times times,
            @ConfigProperty(name = "customk9.attendance.logs.retention", defaultValue = "30d") Duration retention) {
        this.pool = pool;
        this.mapper = mapper;
        this.times = times;
        this.retention = retention;
    }

    /** Writes inside the caller's transaction. */
    public Uni<Void> write(SqlClient client, String level, String category, String message, Map<String, ?> details) {
        return client.preparedQuery(INSERT).execute(Tuple.of(level, category, message, json(details))).replaceWithVoid();
    }

    /** Writes on its own; a failure is only logged. */
    public Uni<Void> write(String level, String category, String message, Map<String, ?> details) {
        return write(pool, level, category, message, details)
                .onFailure().recoverWithItem(error -> {
                    LOG.warnf("Could not write a %s log entry: %s", category, error.getMessage());
                    return null;
                });
    }

    public Uni<List<Map<String, Object>>> list(String level, String category, int limit) {
        return pool.preparedQuery("""
                select id, created_at, level, category, message, details from system_log
                where ($1::text is null or level = $1) and ($2::text is null or category = $2)
                order by id desc limit $3
                """).execute(Tuple.of(level, category, limit))
                .map(rows -> {
                    List<Map<String, Object>> logs = new ArrayList<>();
                    for (Row row : rows) {
                        logs.add(Json.object("id", row.getLong("id"), "timestamp", times.iso(row.getOffsetDateTime("created_at")),
                                "level", row.getString("level"), "category", row.getString("category"),
                                "message", row.getString("message"), "details", parse(row.getString("details"))));
                    }
                    return logs;
                });
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return pool.preparedQuery("delete from system_log where created_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) retention.toSeconds()))
                .replaceWithVoid()
                .onFailure().recoverWithItem(error -> {
                    LOG.warnf("Could not purge old log entries: %s", error.getMessage());
                    return null;
                });
    }

    private String json(Map<String, ?> details) {
        try {
            return mapper.writeValueAsString(details == null ? Map.of() : details);
        } catch (JsonProcessingException e) {
            return "{}";
        }
    }

    private Object parse(String json) {
        try {
            return mapper.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
