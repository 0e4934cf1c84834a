package com.customk9.attendance.key;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.attendance.api.AttendanceException;
import com.customk9.attendance.log.SystemLogs;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * API keys: {@code sk_} and 32 random bytes in base64url, shown once; only their SHA-256 is stored (a
 * fast hash suffices for 256 random bits, and it lets a key be found by its hash). The same format and
 * hash as {@code deploy/local/attendance-key}, which creates the first key straight in PostgreSQL.
 */
@ApplicationScoped
public class ApiKeys {

    public static final String PREFIX = "sk_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "id, name, permissions, status, created_at, expires_at, last_used";

    private final Pool pool;
    private final SystemLogs logs;

    public ApiKeys(Pool pool, SystemLogs logs) {
        this.pool = pool;
        this.logs = logs;
    }

    /** A new key and its secret (the only time the secret exists outside the client). */
    public record Created(ApiKey key, String secret) {
    }

    /** The active, unexpired key with this secret, or null. Marks it used at most once a minute. */
    public Uni<ApiKey> authenticate(String secret) {
        if (secret == null || secret.length() > 200) {
            return Uni.createFrom().nullItem();
        }
        byte[] hash = hash(secret);
        return pool.preparedQuery("""
                update api_key set last_used = now()
                where key_hash = $1 and (last_used is null or last_used < now() - interval '1 minute')
                """).execute(Tuple.of(io.vertx.core.buffer.Buffer.buffer(hash)))
                .chain(() -> pool.preparedQuery("select " + COLUMNS + " from api_key where key_hash = $1")
                        .execute(Tuple.of(io.vertx.core.buffer.Buffer.buffer(hash))))
                .map(rows -> rows.iterator().hasNext() ? key(rows.iterator().next()) : null);
    }

    public Uni<Created> create(String name, List<String> permissions, OffsetDateTime expiresAt) {
        String secret = newSecret();
        return pool.withTransaction(connection -> connection.preparedQuery(
                "insert into api_key (name, key_hash, permissions, expires_at) values ($1, $2, $3, $4) returning " + COLUMNS)
                .execute(Tuple.of(name, io.vertx.core.buffer.Buffer.buffer(hash(secret)), String.join(" ", permissions),
                        expiresAt))
                .map(rows -> key(rows.iterator().next()))
                .call(key -> logs.write(connection, "info", "api", "API key created",
                        Map.of("key_id", key.id(), "name", name, "permissions", permissions))))
                .map(key -> new Created(key, secret));
    }

    public Uni<ApiKey> revoke(long id) {
        return pool.withTransaction(connection -> connection.preparedQuery(
                "update api_key set status = 'revoked', revoked_at = now() where id = $1 returning " + COLUMNS)
                .execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? key(rows.iterator().next()) : null)
                .onItem().ifNull().failWith(() -> AttendanceException.notFound("API key", id))
                .call(key -> logs.write(connection, "warning", "api", "API key revoked", Map.of("key_id", id))));
    }

    public Uni<List<ApiKey>> list(String status, int limit) {
        return pool.preparedQuery("select " + COLUMNS + " from api_key where ($1::text is null or status = $1) order by id limit $2")
                .execute(Tuple.of(status, limit))
                .map(rows -> {
                    List<ApiKey> keys = new ArrayList<>();
                    rows.forEach(row -> keys.add(key(row)));
                    return keys;
                });
    }

    public Uni<Long> count(String status) {
        return pool.preparedQuery("select count(*) from api_key where ($1::text is null or status = $1)")
                .execute(Tuple.of(status)).map(rows -> rows.iterator().next().getLong(0));
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiKey key(Row row) {
        return new ApiKey(row.getLong("id"), row.getString("name"),
                Arrays.asList(row.getString("permissions").trim().split("\\s+")), row.getString("status"),
                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("expires_at"), row.getOffsetDateTime("last_used"));
    }
}
