package com.customk9.training.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.customk9.platform.error.ApiException;
import com.customk9.platform.error.ErrorCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * {@code Idempotency-Key} on POSTs (draft-ietf-httpapi-idempotency-key-header): the first request
 * with a key runs and its answer is kept for 24 hours; a retry with the same key and the same
 * request gets that answer again ({@code Idempotent-Replayed: true}) and creates nothing; the same key
 * with a different request is a 422; while the first one still runs, a retry is a 409. A request
 * that failed leaves nothing behind, so it can be retried. Keys are per caller.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");
    /** A first request that never finished (its process died) stops blocking its key after this. */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);
    private static final Duration RETENTION = Duration.ofHours(24);

    private final ObjectMapper mapper;
    private final Clock clock;

    public IdempotentRequests(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Runs {@code action} once per key (or every time when {@code key} is null) and answers
     * {@code status} with its result as JSON.
     */
    public <T> Uni<Response> run(long callerId, String key, String method, String path, Object requestBody, int status,
            Supplier<Uni<T>> action) {
        if (key == null) {
            return action.get().map(result -> Response.status(status).entity(result).build());
        }
        if (!KEY.matcher(key).matches()) {
            return Uni.createFrom().failure(ApiException.invalid(HEADER, "must be 1 to 128 visible ASCII characters"));
        }
        byte[] fingerprint = fingerprint(method, path, requestBody);
        Instant now = clock.instant();
        return claim(callerId, key, fingerprint, now).chain(claimed -> {
            if (claimed) {
                return action.get()
                        .onFailure().call(() -> release(callerId, key))
                        .chain(result -> store(callerId, key, status, json(result))
                                .replaceWith(Response.status(status).entity(result).build()));
            }
            return replay(callerId, key, fingerprint);
        });
    }

    private Uni<Boolean> claim(long callerId, String key, byte[] fingerprint, Instant now) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into idempotency_key (caller_id, idempotency_key, request_hash, created_at)
                values (?1, ?2, ?3, cast(?4 as timestamptz))
                on conflict (caller_id, idempotency_key) do update
                  set request_hash = excluded.request_hash, created_at = excluded.created_at
                  where idempotency_key.status_code is null and idempotency_key.created_at < cast(?5 as timestamptz)
                """)
                .setParameter(1, callerId).setParameter(2, key).setParameter(3, fingerprint)
                .setParameter(4, now).setParameter(5, now.minus(ABANDONED_AFTER))
                .executeUpdate()))
                .map(rows -> rows > 0);
    }

    private Uni<Response> replay(long callerId, String key, byte[] fingerprint) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                select request_hash, status_code, response_body from idempotency_key
                where caller_id = ?1 and idempotency_key = ?2
                """, Object[].class).setParameter(1, callerId).setParameter(2, key).getResultList()))
                .map(rows -> {
                    if (rows.isEmpty()) {
                        throw new ApiException(ErrorCode.CONFLICT, "The first request with this Idempotency-Key "
                                + "failed while this one arrived; send it again", Map.of());
                    }
                    Object[] row = rows.get(0);
                    if (!Arrays.equals((byte[]) row[0], fingerprint)) {
                        throw new ApiException(ErrorCode.UNPROCESSABLE_ENTITY,
                                "This Idempotency-Key was already used for a different request", Map.of("header", HEADER));
                    }
                    if (row[1] == null) {
                        throw new ApiException(ErrorCode.CONFLICT,
                                "A request with this Idempotency-Key is still being processed", Map.of("header", HEADER));
                    }
                    return Response.status(((Number) row[1]).intValue()).type(MediaType.APPLICATION_JSON_TYPE)
                            .entity((String) row[2]).header(REPLAYED, "true").build();
                });
    }

    private Uni<Void> store(long callerId, String key, int status, String body) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                update idempotency_key set status_code = ?3, response_body = ?4
                where caller_id = ?1 and idempotency_key = ?2
                """).setParameter(1, callerId).setParameter(2, key).setParameter(3, status).setParameter(4, body)
                .executeUpdate())).replaceWithVoid();
    }

    private Uni<Void> release(long callerId, String key) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                delete from idempotency_key where caller_id = ?1 and idempotency_key = ?2 and status_code is null
                """).setParameter(1, callerId).setParameter(2, key).executeUpdate()))
                .replaceWithVoid().onFailure().recoverWithNull();
    }

    /** Forgets answers older than a day. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeOld() {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("delete from idempotency_key where created_at < cast(?1 as timestamptz)")
                .setParameter(1, clock.instant().minus(RETENTION)).executeUpdate())).replaceWithVoid();
    }

    private byte[] fingerprint(String method, String path, Object body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(method, path, json(body))) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unserializable response", e);
        }
    }
}
