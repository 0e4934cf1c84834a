package com.customk9.odoo.client.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import com.customk9.odoo.client.OdooConfig;
import com.customk9.odoo.client.metrics.OdooMetrics;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * The Redis read-through cache of Odoo reads. Entries expire after the model's TTL (default 5
 * minutes) and are dropped earlier by {@link #invalidate(String, long)} when a webhook or a write
 * through this client says a record changed: that drops the cached reads of the record and every
 * cached query (search, count) of its model, since any change may add or remove records from them.
 * <p>
 * The cache never fails a call: when Redis errs or is slow ({@code odoo.cache.redis-timeout}) the
 * client logs once, reads Odoo directly and leaves Redis alone for {@code odoo.cache.retry-after};
 * invalidations that could not be applied meanwhile are kept and applied first when Redis answers again.
 */
@ApplicationScoped
public class OdooCache {

    private static final Logger LOG = Logger.getLogger(OdooCache.class);
    private static final int MAX_PENDING_INVALIDATIONS = 10_000;
    private static final String WHOLE_MODEL = "*";

    private final OdooConfig.Cache config;
    private final String prefix;
    private final String database;
    private final Instance<ReactiveRedisDataSource> redisSource;
    private final OdooMetrics metrics;

    private volatile long bypassUntilNanos;
    private volatile boolean degraded;
    private volatile boolean flushEverything;
    /** Invalidations Redis missed while down: "model:id", or "model:*" for a whole model. */
    private final Set<String> pending = ConcurrentHashMap.newKeySet();

    public OdooCache(OdooConfig config, Instance<ReactiveRedisDataSource> redisSource, OdooMetrics metrics) {
        this.config = config.cache();
        this.prefix = config.cache().keyPrefix();
        this.database = config.database();
        this.redisSource = redisSource;
        this.metrics = metrics;
    }

    /** Opens the Redis connection early, so the first read does not pay for it (and never fails startup). */
    void warmUp(@Observes StartupEvent started) {
        if (config.enabled()) {
            Uni.createFrom().deferred(() -> redisSource.get().getRedis().send(Request.cmd(Command.PING)))
                    .ifNoItem().after(Duration.ofSeconds(5)).fail()
                    .subscribe().with(ignored -> { }, failure -> LOG.debugf("Redis warm-up failed: %s", failure));
        }
    }

    /** Whether reads of {@code model} are cached at all (cache enabled and a TTL above zero). */
    public boolean caches(String model) {
        return config.enabled() && !ttl(model).isZero() && !ttl(model).isNegative();
    }

    public Duration ttl(String model) {
        OdooConfig.ModelCache modelCache = config.models().get(model);
        return modelCache != null && modelCache.ttl().isPresent() ? modelCache.ttl().get() : config.ttl();
    }

    public CacheKey key(String model, String method, String identity, Object arguments) {
        return CacheKey.of(prefix, database, model, method, identity, arguments);
    }

    /** True while Redis is being bypassed after a failure. */
    public boolean isDegraded() {
        return degraded;
    }

    /** The cached JSON of {@code key}, or null on a miss or when Redis is unavailable. */
    public Uni<String> get(CacheKey key) {
        return guarded("get", redis -> redis.send(Request.cmd(Command.GET).arg(key.value()))
                .map(response -> response == null ? null : response.toString()), null, null);
    }

    /**
     * Stores {@code json} under {@code key} with the model's TTL. A query is indexed for dropping on any
     * change to the model; a record read under each record id it holds.
     */
    public Uni<Void> put(CacheKey key, String json, Collection<Long> recordIds, boolean query) {
        long ttlSeconds = Math.max(1, ttl(key.model()).toSeconds());
        List<Request> batch = new ArrayList<>();
        batch.add(Request.cmd(Command.SET).arg(key.value()).arg(json).arg("EX").arg(ttlSeconds));
        List<String> indexes = new ArrayList<>();
        indexes.add(CacheKey.modelIndex(prefix, database, key.model()));
        if (query) {
            indexes.add(CacheKey.queryIndex(prefix, database, key.model()));
        } else {
            recordIds.forEach(id -> indexes.add(CacheKey.recordIndex(prefix, database, key.model(), id)));
        }
        for (String index : indexes) {
            batch.add(Request.cmd(Command.SADD).arg(index).arg(key.value()));
            batch.add(Request.cmd(Command.EXPIRE).arg(index).arg(ttlSeconds));
        }
        return guarded("put", redis -> redis.batch(batch).replaceWithVoid(), null, null);
    }

    /** Drops the cached reads of {@code model} record {@code id} and every cached query of the model. */
    public Uni<Void> invalidate(String model, long id) {
        String entry = model + ":" + id;
        return guarded("invalidate", redis -> invalidateRecord(redis, model, id), null, entry);
    }

    /** Drops everything cached for {@code model}. */
    public Uni<Void> invalidateModel(String model) {
        String entry = model + ":" + WHOLE_MODEL;
        return guarded("invalidate", redis -> invalidateWholeModel(redis, model), null, entry);
    }

    /**
     * Drops what a webhook subject names: {@code "customk9.dog:42"} (one record) or
     * {@code "customk9.dog"} (the whole model).
     */
    public Uni<Void> invalidate(String subject) {
        int colon = subject.lastIndexOf(':');
        if (colon > 0 && colon < subject.length() - 1) {
            String tail = subject.substring(colon + 1);
            if (tail.chars().allMatch(Character::isDigit)) {
                return invalidate(subject.substring(0, colon), Long.parseLong(tail));
            }
            if (tail.equals(WHOLE_MODEL)) {
                return invalidateModel(subject.substring(0, colon));
            }
        }
        return invalidateModel(subject);
    }

    private <T> Uni<T> guarded(String operation, Function<Redis, Uni<T>> action, T fallback, String invalidation) {
        if (!config.enabled()) {
            return Uni.createFrom().item(fallback);
        }
        if (System.nanoTime() - bypassUntilNanos < 0) {
            remember(invalidation);
            return Uni.createFrom().item(fallback);
        }
        return Uni.createFrom().deferred(() -> {
            Redis redis = redisSource.get().getRedis();
            return replayPending(redis).chain(() -> action.apply(redis));
        })
                .ifNoItem().after(config.redisTimeout()).fail()
                .invoke(this::recovered)
                .onFailure().recoverWithItem(failure -> {
                    degrade(operation, failure);
                    remember(invalidation);
                    return fallback;
                });
    }

    private Uni<Void> invalidateRecord(Redis redis, String model, long id) {
        String recordIndex = CacheKey.recordIndex(prefix, database, model, id);
        String queryIndex = CacheKey.queryIndex(prefix, database, model);
        return deleteMembersOf(redis, List.of(recordIndex, queryIndex));
    }

    private Uni<Void> invalidateWholeModel(Redis redis, String model) {
        String modelIndex = CacheKey.modelIndex(prefix, database, model);
        String queryIndex = CacheKey.queryIndex(prefix, database, model);
        return deleteMembersOf(redis, List.of(modelIndex, queryIndex));
    }

    /** Deletes every key listed in the index sets, then the sets. */
    private static Uni<Void> deleteMembersOf(Redis redis, List<String> indexes) {
        List<Request> reads = new ArrayList<>();
        indexes.forEach(index -> reads.add(Request.cmd(Command.SMEMBERS).arg(index)));
        return redis.batch(reads).chain(responses -> {
            Set<String> keys = new LinkedHashSet<>(indexes);
            for (Response members : responses) {
                if (members != null) {
                    members.forEach(member -> keys.add(member.toString()));
                }
            }
            Request delete = Request.cmd(Command.DEL);
            keys.forEach(delete::arg);
            return redis.send(delete).replaceWithVoid();
        });
    }

    private Uni<Void> replayPending(Redis redis) {
        if (flushEverything) {
            return flushAll(redis, "0").invoke(() -> flushEverything = false);
        }
        if (pending.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> entries = new ArrayList<>(pending);
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String entry : entries) {
            int colon = entry.lastIndexOf(':');
            String model = entry.substring(0, colon);
            String tail = entry.substring(colon + 1);
            chain = chain.chain(() -> tail.equals(WHOLE_MODEL)
                    ? invalidateWholeModel(redis, model)
                    : invalidateRecord(redis, model, Long.parseLong(tail)))
                    .invoke(() -> pending.remove(entry));
        }
        return chain.invoke(() -> LOG.infof("Applied %d Odoo cache invalidations Redis had missed", entries.size()));
    }

    /** Too many missed invalidations to keep: drop every cached read of this database. */
    private Uni<Void> flushAll(Redis redis, String cursor) {
        return redis.send(Request.cmd(Command.SCAN).arg(cursor)
                .arg("MATCH").arg(prefix + ":" + database + ":*").arg("COUNT").arg(500))
                .chain(response -> {
                    String next = response.get(0).toString();
                    List<String> keys = new ArrayList<>();
                    response.get(1).forEach(key -> keys.add(key.toString()));
                    Uni<Void> deleted = Uni.createFrom().voidItem();
                    if (!keys.isEmpty()) {
                        Request delete = Request.cmd(Command.DEL);
                        keys.forEach(delete::arg);
                        deleted = redis.send(delete).replaceWithVoid();
                    }
                    return next.equals("0") ? deleted : deleted.chain(() -> flushAll(redis, next));
                })
                .invoke(() -> pending.clear());
    }

    private void remember(String invalidation) {
        if (invalidation == null) {
            return;
        }
        if (pending.size() >= MAX_PENDING_INVALIDATIONS) {
            flushEverything = true;
            pending.clear();
            return;
        }
        pending.add(invalidation);
    }

    private void degrade(String operation, Throwable failure) {
        metrics.recordCacheError(operation);
        bypassUntilNanos = System.nanoTime() + config.retryAfter().toNanos();
        if (!degraded) {
            degraded = true;
            LOG.warnf("Redis is unavailable for the Odoo read cache (%s: %s); reading Odoo directly, "
                    + "trying Redis again in %s", operation, failure.toString(), config.retryAfter());
        } else {
            LOG.debugf(failure, "Odoo cache %s failed again", operation);
        }
    }

    private void recovered() {
        if (degraded) {
            degraded = false;
            LOG.info("Redis is back for the Odoo read cache");
        }
    }
}
