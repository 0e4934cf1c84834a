package com.customk9.gateway.ratelimit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;

/**
 * This process's share of the Redis counters ({@link RedisQuota}): permits leased from a bucket's
 * window are spent here without a Redis round trip, so a busy bucket costs one call per lease instead
 * of one per request, and the limit still holds across replicas because a request is only admitted
 * with a permit Redis granted.
 * <p>
 * Per bucket, at most one lease request is in flight from this process; requests finding no permit
 * wait for it, and the next request asks for all of them at once. What a lease asks for beyond the
 * waiting requests is a bet that more will come before the window ends; permits left at the end of a
 * window are lost (the limit may then be under-used, never exceeded). So the bet is only made on
 * buckets whose limit is at least {@link Sizing#minLimit()} (a smaller limit admits too few requests
 * a window for its Redis calls to matter), while more than {@link Sizing#reserve()} of the limit is
 * left, and it is the number of requests this bucket got here in the last
 * {@link Sizing#interval()}, capped by {@link Sizing#max()}. Below that, each lease covers exactly the
 * waiting requests, so a bucket behaves as with one Redis call per request (a lone request asks for 1).
 * <p>
 * A bucket that leases ahead asks for its next lease when half of the last one is spent, not when it
 * runs out: the requests arriving meanwhile spend what is left instead of waiting for Redis (a wait of a
 * round trip, and, for requests of other event loops, a hop back to their own). Permits still in hand
 * when the next grant comes are kept only if that grant is of the same window; else they are dropped.
 * <p>
 * Once Redis answered that a window is spent, further requests of it are refused here until it ends.
 * Window ends are taken as "sent + the TTL Redis answered", which is never later than Redis' own
 * end: a permit is never spent after its window.
 * <p>
 * {@code RateLimit-Remaining}: requests served by a grant are counted as if Redis had counted them
 * one by one, with the speculative permits counted as already used; a permit spent later from the
 * lease reports the limit minus the count Redis answered at the last grant, minus what was spent here
 * since, never below 0. It may under-state what is left (by up to two leases), never over-state it.
 * <p>
 * Thread safety: event loops share the buckets; each bucket's state is guarded by its own monitor,
 * held only for arithmetic, never across I/O. A waiting request is completed on its own context.
 */
public class QuotaLeases {

    /** Asks Redis for up to {@code wanted} permits (in the gateway: {@link RedisQuota#lease} through the Redis guard). */
    @FunctionalInterface
    public interface Source {
        Future<RedisQuota.Grant> lease(String bucket, long wanted, int limit, Duration window);
    }

    /**
     * How large a speculative lease may be.
     *
     * @param minLimit buckets with a smaller limit per window lease only what is waiting
     * @param max most permits a lease takes beyond the waiting requests (0: never more)
     * @param reserve share of the limit never leased speculatively
     * @param interval a lease is sized to the bucket's requests here during the last interval of this length
     */
    public record Sizing(int minLimit, int max, double reserve, Duration interval) {
    }

    private static final long SWEEP_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Source source;
    private final Sizing sizing;
    private final long intervalNanos;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep = new AtomicLong(System.nanoTime() + SWEEP_INTERVAL_NANOS);
    private final AtomicLong leaseRequests = new AtomicLong();

    public QuotaLeases(Source source, Sizing sizing) {
        this.source = source;
        this.sizing = sizing;
        this.intervalNanos = sizing.interval().toNanos();
    }

    /**
     * Decides one request: with a leased permit, refused (the window is spent), or after a lease
     * request. Fails when Redis could not be asked; the caller then decides otherwise.
     */
    public Future<RateLimitDecision> acquire(String name, int limit, Duration window) {
        long now = System.nanoTime();
        sweepNow(now);
        Bucket bucket = buckets.computeIfAbsent(name, ignored -> new Bucket());
        Future<RateLimitDecision> decided;
        long wanted;
        synchronized (bucket) {
            bucket.roll(now);
            bucket.arrivals++;
            if (bucket.permits > 0) {
                bucket.permits--;
                bucket.spentSinceGrant++;
                decided = Future.succeededFuture(admitted(limit, bucket.usedAtGrant + bucket.spentSinceGrant, bucket.windowEnd - now));
                wanted = bucket.requesting || bucket.permits > bucket.lastGranted / 2 ? 0 : bucket.leaseSize(limit);
                if (wanted == 0) {
                    return decided;
                }
                // Half of the lease spent: the next one is asked for now, while the rest is spent.
                bucket.requesting = true;
            } else if (bucket.windowEnd != 0 && bucket.usedAtGrant >= limit) {
                return Future.succeededFuture(refused(limit, bucket.windowEnd - now));
            } else {
                Promise<RateLimitDecision> waiter = promise();
                bucket.waiters.add(waiter);
                decided = waiter.future();
                if (bucket.requesting) {
                    return decided;
                }
                bucket.requesting = true;
                wanted = bucket.leaseSize(limit);
            }
        }
        request(name, bucket, limit, window, wanted);
        return decided;
    }

    /** Lease requests sent to Redis so far (each asked for one or more permits). */
    public long leaseRequests() {
        return leaseRequests.get();
    }

    private void request(String name, Bucket bucket, int limit, Duration window, long wanted) {
        long sentAt = System.nanoTime();
        leaseRequests.incrementAndGet();
        Future<RedisQuota.Grant> grant;
        try {
            grant = source.lease(name, wanted, limit, window);
        } catch (RuntimeException e) {
            grant = Future.failedFuture(e);
        }
        grant.onComplete(answer -> {
            if (answer.succeeded()) {
                granted(name, bucket, limit, window, sentAt, answer.result());
            } else {
                failed(bucket, answer.cause());
            }
        });
    }

    private void granted(String name, Bucket bucket, int limit, Duration window, long sentAt, RedisQuota.Grant grant) {
        List<Promise<RateLimitDecision>> served = new ArrayList<>();
        List<RateLimitDecision> decisions = new ArrayList<>();
        long again = 0;
        synchronized (bucket) {
            long now = System.nanoTime();
            long end = sentAt + TimeUnit.MILLISECONDS.toNanos(grant.ttlMillis());
            bucket.requesting = false;
            // Permits still in hand (this lease was asked for ahead of need) add up with the new ones only when
            // both are of one window: its end as both grants saw it about the same (another window ends at
            // least a window later), its count grown by this grant at least. Then the earlier end of the two.
            long kept = bucket.permits > 0 && bucket.windowEnd != 0 && end > now
                    && Math.abs(end - bucket.windowEnd) < window.toNanos() / 2
                    && grant.used() >= bucket.usedAtGrant + grant.granted() ? bucket.permits : 0;
            bucket.windowEnd = end <= now ? 0 : kept > 0 ? Math.min(end, bucket.windowEnd) : end;
            bucket.usedAtGrant = grant.used();
            bucket.spentSinceGrant = 0;
            bucket.lastGranted = grant.granted();
            int count = (int) Math.min(bucket.waiters.size(), grant.granted());
            // As if Redis had counted them one by one; the speculative rest counts as used.
            for (int i = 1; i <= count; i++) {
                served.add(bucket.waiters.poll());
                decisions.add(admitted(limit, grant.used() - (count - i), end - now));
            }
            // Permits of a window already over are not kept: spending them would count in the next one.
            bucket.permits = bucket.windowEnd == 0 ? 0 : kept + grant.granted() - count;
            if (!bucket.waiters.isEmpty()) {
                if (grant.used() >= limit) {
                    RateLimitDecision refusal = refused(limit, end - now);
                    while (!bucket.waiters.isEmpty()) {
                        served.add(bucket.waiters.poll());
                        decisions.add(refusal);
                    }
                } else {
                    bucket.requesting = true;
                    again = bucket.leaseSize(limit);
                }
            }
        }
        for (int i = 0; i < served.size(); i++) {
            served.get(i).complete(decisions.get(i));
        }
        if (again > 0) {
            request(name, bucket, limit, window, again);
        }
    }

    private void failed(Bucket bucket, Throwable error) {
        List<Promise<RateLimitDecision>> waiting;
        synchronized (bucket) {
            bucket.requesting = false;
            waiting = new ArrayList<>(bucket.waiters);
            bucket.waiters.clear();
        }
        waiting.forEach(waiter -> waiter.fail(error));
    }

    /** A promise whose callbacks run on the caller's own event loop, whichever thread completes it. */
    private static Promise<RateLimitDecision> promise() {
        Context context = Vertx.currentContext();
        return context instanceof ContextInternal internal ? internal.promise() : Promise.promise();
    }

    private static RateLimitDecision admitted(int limit, long used, long resetNanos) {
        return new RateLimitDecision(true, limit, (int) Math.max(0, Math.min(limit, limit - used)), seconds(resetNanos), true);
    }

    private static RateLimitDecision refused(int limit, long resetNanos) {
        return new RateLimitDecision(false, limit, 0, seconds(resetNanos), true);
    }

    private static long seconds(long nanos) {
        return Math.max(1, (TimeUnit.NANOSECONDS.toMillis(nanos) + 999) / 1000);
    }

    /** Drops idle buckets whose window is over, at most every 10 s, on whichever thread comes by. */
    private void sweepNow(long now) {
        long due = nextSweep.get();
        if (now < due || !nextSweep.compareAndSet(due, now + SWEEP_INTERVAL_NANOS)) {
            return;
        }
        // A request that got a bucket just before it is dropped still works on it: it only loses
        // that bucket's unspent permits (under-admission, never over-admission).
        buckets.values().removeIf(bucket -> bucket.idle(now));
    }

    int buckets() {
        return buckets.size();
    }

    /** One bucket's lease on this process; every field guarded by the bucket's monitor. */
    private final class Bucket {

        /** End of the window the permits belong to (nanoTime), 0 when unknown or over. */
        long windowEnd;
        long permits;
        /** The window's count Redis answered at the last grant. */
        long usedAtGrant;
        long spentSinceGrant;
        /** Permits the last grant gave. */
        long lastGranted;
        boolean requesting;
        final ArrayDeque<Promise<RateLimitDecision>> waiters = new ArrayDeque<>(2);
        long intervalStart = System.nanoTime();
        long arrivals;
        long lastIntervalArrivals;

        void roll(long now) {
            if (windowEnd != 0 && now - windowEnd >= 0) {
                windowEnd = 0;
                permits = 0;
                usedAtGrant = 0;
                spentSinceGrant = 0;
            }
            long elapsed = now - intervalStart;
            if (elapsed >= intervalNanos) {
                lastIntervalArrivals = elapsed < 2 * intervalNanos ? arrivals : 0;
                arrivals = 0;
                intervalStart = now;
            }
        }

        /** The waiting requests, plus a bet on the ones to come when the bucket is large and far from spent. */
        long leaseSize(int limit) {
            long wanted = waiters.size();
            if (limit < sizing.minLimit() || sizing.max() <= 0) {
                return wanted;
            }
            long left = limit - usedAtGrant - spentSinceGrant;
            long reserve = (long) Math.ceil(limit * sizing.reserve());
            long bet = Math.min(sizing.max(), Math.max(lastIntervalArrivals, arrivals));
            return wanted + Math.max(0, Math.min(bet, left - reserve - wanted));
        }

        boolean idle(long now) {
            synchronized (this) {
                return !requesting && waiters.isEmpty() && (windowEnd == 0 || now - windowEnd >= 0)
                        && now - intervalStart >= 2 * intervalNanos;
            }
        }
    }
}
