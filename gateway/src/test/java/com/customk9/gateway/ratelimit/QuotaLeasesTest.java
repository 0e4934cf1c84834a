package com.customk9.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * Lease holders as two gateway processes have them, each with Redis connections of its own, on the
 * test database, asked from several event loops at once. Counted: what is admitted, and what reaches
 * Redis.
 */
class QuotaLeasesTest {

    private static final String PREFIX = "customk9:gateway:rl:";
    private static final QuotaLeases.Sizing DEFAULTS = new QuotaLeases.Sizing(1000, 512, 0.5, Duration.ofMillis(100));

    private static Vertx vertx;
    private static final List<Redis> CLIENTS = new ArrayList<>();

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(4));
    }

    @AfterAll
    static void stop() throws Exception {
        CLIENTS.forEach(Redis::close);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** One process: its own Redis client and lease holder; counts the script calls it sends. */
    private static final class Process {
        final AtomicLong redisCalls = new AtomicLong();
        final QuotaLeases leases;
        final List<Context> loops = new ArrayList<>();

        Process(QuotaLeases.Sizing sizing) {
            Redis client = Redis.createClient(vertx, new RedisOptions().setConnectionString("redis://127.0.0.1:6379/13")
                    .setMaxPoolSize(8).setMaxPoolWaiting(100_000));
            CLIENTS.add(client);
            RedisQuota quota = new RedisQuota(request -> {
                redisCalls.incrementAndGet();
                return client.send(request);
            }, PREFIX);
            leases = new QuotaLeases(quota::lease, sizing);
            for (int i = 0; i < 2; i++) {
                loops.add(vertx.getOrCreateContext());
            }
        }

        /** n requests of the bucket, spread over this process' event loops, all issued at once. */
        List<CompletableFuture<RateLimitDecision>> burst(String bucket, int limit, Duration window, int n) {
            List<CompletableFuture<RateLimitDecision>> decisions = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                CompletableFuture<RateLimitDecision> decision = new CompletableFuture<>();
                loops.get(i % loops.size()).runOnContext(ignored -> leases.acquire(bucket, limit, window)
                        .onSuccess(decision::complete).onFailure(decision::completeExceptionally));
                decisions.add(decision);
            }
            return decisions;
        }

        /** One request after the other, each sent once the previous was decided. */
        RateLimitDecision one(String bucket, int limit, Duration window) throws Exception {
            CompletableFuture<RateLimitDecision> decision = new CompletableFuture<>();
            loops.get(0).runOnContext(ignored -> leases.acquire(bucket, limit, window)
                    .onSuccess(decision::complete).onFailure(decision::completeExceptionally));
            return decision.get(10, TimeUnit.SECONDS);
        }
    }

    private static long admitted(List<CompletableFuture<RateLimitDecision>> decisions) throws Exception {
        long admitted = 0;
        for (CompletableFuture<RateLimitDecision> decision : decisions) {
            if (decision.get(30, TimeUnit.SECONDS).allowed()) {
                admitted++;
            }
        }
        return admitted;
    }

    private static long countInRedis(String bucket) throws Exception {
        Redis client = Redis.createClient(vertx, "redis://127.0.0.1:6379/13");
        try {
            Response count = client.send(Request.cmd(Command.GET).arg(PREFIX + bucket))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            return count == null ? 0 : count.toLong();
        } finally {
            client.close();
        }
    }

    @Test
    void twoProcessesNeverAdmitMoreThanTheLimitOfALargeBucket() throws Exception {
        String bucket = "test:leases-large:" + UUID.randomUUID();
        Process first = new Process(DEFAULTS);
        Process second = new Process(DEFAULTS);
        List<CompletableFuture<RateLimitDecision>> decisions = new ArrayList<>(first.burst(bucket, 2000, Duration.ofMinutes(1), 3000));
        decisions.addAll(second.burst(bucket, 2000, Duration.ofMinutes(1), 3000));

        assertThat(admitted(decisions)).isEqualTo(2000);
        assertThat(countInRedis(bucket)).as("permits granted").isEqualTo(2000);
        assertThat(first.redisCalls.get() + second.redisCalls.get()).as("Redis calls for 6000 requests").isLessThan(600);
        assertThat(decisions.stream().map(CompletableFuture::join).filter(decision -> !decision.allowed()))
                .allSatisfy(refusal -> assertThat(refusal.resetSeconds()).isBetween(1L, 60L))
                .allSatisfy(refusal -> assertThat(refusal.remaining()).isZero());
    }

    /** The worst sizing (every bucket may lease ahead): a limit of 3 still admits exactly 3. */
    @Test
    void aTinyLimitStaysExact() throws Exception {
        QuotaLeases.Sizing eager = new QuotaLeases.Sizing(0, 64, 0.5, Duration.ofMillis(100));
        for (int round = 0; round < 5; round++) {
            String bucket = "test:leases-tiny:" + UUID.randomUUID();
            Process first = new Process(eager);
            Process second = new Process(eager);
            List<CompletableFuture<RateLimitDecision>> decisions = new ArrayList<>(first.burst(bucket, 3, Duration.ofMinutes(1), 100));
            decisions.addAll(second.burst(bucket, 3, Duration.ofMinutes(1), 100));
            assertThat(admitted(decisions)).as("round %d", round).isEqualTo(3);
            assertThat(countInRedis(bucket)).isEqualTo(3);
        }
    }

    /**
     * A busy bucket, one request at a time: leases grow with the rate, so most requests need no Redis
     * call. RateLimit-Remaining never claims more than is left, and under-states it by at most two leases
     * (the one being spent and the next, asked for ahead).
     */
    @Test
    void aBusyBucketSpendsLeasesLocallyAndReportsASensibleRemaining() throws Exception {
        String bucket = "test:leases-busy:" + UUID.randomUUID();
        Process process = new Process(DEFAULTS);
        int limit = 100_000;
        for (int i = 1; i <= 1000; i++) {
            RateLimitDecision decision = process.one(bucket, limit, Duration.ofMinutes(1));
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.remaining()).as("request %d", i).isBetween(limit - i - 2 * DEFAULTS.max(), limit - i);
        }
        assertThat(process.redisCalls.get()).as("Redis calls for 1000 requests").isLessThan(200);
        assertThat(countInRedis(bucket)).as("granted, spent or not").isBetween(1000L, 1000L + 2 * DEFAULTS.max());
    }

    /** Below lease-min-limit, requests one at a time are counted one by one, as without leases. */
    @Test
    void aSmallBucketIsCountedRequestByRequest() throws Exception {
        String bucket = "test:leases-small:" + UUID.randomUUID();
        Process process = new Process(DEFAULTS);
        for (int i = 1; i <= 100; i++) {
            RateLimitDecision decision = process.one(bucket, 100, Duration.ofMinutes(1));
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.remaining()).isEqualTo(100 - i);
        }
        assertThat(process.redisCalls.get()).isEqualTo(100);
        // Spent: refused here from then on, without asking Redis again.
        long callsWhenSpent = process.redisCalls.get();
        for (int i = 0; i < 20; i++) {
            RateLimitDecision refusal = process.one(bucket, 100, Duration.ofMinutes(1));
            assertThat(refusal.allowed()).isFalse();
            assertThat(refusal.remaining()).isZero();
        }
        assertThat(process.redisCalls.get() - callsWhenSpent).as("Redis calls for 20 refusals").isLessThanOrEqualTo(1);
    }

    /** Permits left at the end of a window are dropped, not spent in the next one (which Redis counts afresh). */
    @Test
    void leasedPermitsDoNotOutliveTheirWindow() throws Exception {
        String bucket = "test:leases-window:" + UUID.randomUUID();
        Process process = new Process(DEFAULTS);
        Duration window = Duration.ofSeconds(1);
        for (int i = 0; i < 50; i++) {
            assertThat(process.one(bucket, 10_000, window).allowed()).isTrue();
        }
        assertThat(countInRedis(bucket)).as("leased ahead").isGreaterThan(50);
        await().atMost(Duration.ofSeconds(5)).until(() -> countInRedis(bucket) == 0);
        long before = process.redisCalls.get();
        assertThat(process.one(bucket, 10_000, window).allowed()).isTrue();
        assertThat(process.redisCalls.get() - before).as("a new window starts with a new lease").isEqualTo(1);
        assertThat(countInRedis(bucket)).isPositive();
    }

    /** Redis unreachable: the lease request fails, so every waiting request fails too (the caller falls back). */
    @Test
    void failsTheWaitingRequestsWhenRedisCannotBeAsked() throws Exception {
        QuotaLeases leases = new QuotaLeases((bucket, wanted, limit, window) -> Future.failedFuture(new IllegalStateException("down")),
                DEFAULTS);
        CompletableFuture<RateLimitDecision> decision = leases.acquire("test:down", 10, Duration.ofMinutes(1))
                .toCompletionStage().toCompletableFuture();
        assertThat(decision).isCompletedExceptionally();
        assertThat(leases.leaseRequests()).isEqualTo(1);
    }

    /** Lease requests as they are sent, answered by the test when it chooses. */
    private static final class ManualSource implements QuotaLeases.Source {
        final List<Long> wanted = new ArrayList<>();
        final List<io.vertx.core.Promise<RedisQuota.Grant>> answers = new ArrayList<>();

        @Override
        public Future<RedisQuota.Grant> lease(String bucket, long wanted, int limit, Duration window) {
            this.wanted.add(wanted);
            io.vertx.core.Promise<RedisQuota.Grant> answer = io.vertx.core.Promise.promise();
            answers.add(answer);
            return answer.future();
        }

        /** Grants the last request in full; {@code used} is the window's count Redis would answer. */
        void grantLast(long used) {
            answers.get(answers.size() - 1).complete(new RedisQuota.Grant(wanted.get(wanted.size() - 1), used, 60_000));
        }
    }

    /**
     * 20 requests at once on a new bucket, and the two leases they lead to granted in full: 20 permits are
     * left in hand, and the second lease's size is {@code redis.wanted.get(1)}. Answers the window's count.
     */
    private static long twoLeasesGranted(QuotaLeases leases, ManualSource redis, String bucket) {
        List<Future<RateLimitDecision>> first = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            first.add(leases.acquire(bucket, 1_000_000, Duration.ofMinutes(1)));
        }
        assertThat(redis.wanted).as("one lease in flight at a time").hasSize(1);
        redis.grantLast(redis.wanted.get(0));
        // The rest of the waiting requests, and as many again ahead (the bucket got 20 requests).
        assertThat(redis.wanted).hasSize(2);
        long used = redis.wanted.get(0) + redis.wanted.get(1);
        redis.grantLast(used);
        assertThat(first).allSatisfy(decision -> assertThat(decision.result().allowed()).isTrue());
        assertThat(used - 20).as("permits in hand").isEqualTo(20);
        return used;
    }

    /** Requests that all find a permit: decided at once, none waiting. */
    private static void spendAtOnce(QuotaLeases leases, String bucket, int count) {
        for (int i = 0; i < count; i++) {
            Future<RateLimitDecision> decision = leases.acquire(bucket, 1_000_000, Duration.ofMinutes(1));
            assertThat(decision.isComplete()).as("request %d decided without waiting", i).isTrue();
            assertThat(decision.result().allowed()).isTrue();
        }
    }

    /**
     * A bucket leasing ahead asks for its next lease once half of the last one is spent, so a steady stream
     * of requests never waits for Redis; the permits left when that lease arrives add up with it.
     */
    @Test
    void theNextLeaseIsAskedForWhileHalfOfTheLastIsLeft() {
        ManualSource redis = new ManualSource();
        QuotaLeases leases = new QuotaLeases(redis, new QuotaLeases.Sizing(0, 64, 0.0, Duration.ofMinutes(1)));
        String bucket = "steady";
        long used = twoLeasesGranted(leases, redis, bucket);
        long inHand = 20;
        long lease = redis.wanted.get(1);

        spendAtOnce(leases, bucket, (int) (inHand - lease / 2 - 1));
        assertThat(redis.wanted).as("more than half of the lease left").hasSize(2);
        spendAtOnce(leases, bucket, 1);
        assertThat(redis.wanted).as("half of the lease left: the next one is asked for").hasSize(3);
        spendAtOnce(leases, bucket, 9);
        assertThat(redis.wanted).as("only one lease in flight").hasSize(3);

        // Granted with 10 permits still in hand, of the same window: 10 + the new lease, all spent without waiting.
        long next = redis.wanted.get(2);
        redis.grantLast(used + next);
        spendAtOnce(leases, bucket, (int) (10 + next));
        assertThat(redis.wanted).as("asked for again, half-way through").hasSize(4);
        assertThat(leases.acquire(bucket, 1_000_000, Duration.ofMinutes(1)).isComplete())
                .as("every permit spent: the next request waits for the lease in flight").isFalse();
    }

    /** Permits in hand are dropped when the next grant is of another window (its count started over). */
    @Test
    void permitsInHandAreDroppedWhenTheNextGrantIsOfANewWindow() {
        ManualSource redis = new ManualSource();
        QuotaLeases leases = new QuotaLeases(redis, new QuotaLeases.Sizing(0, 64, 0.0, Duration.ofMinutes(1)));
        String bucket = "rolled";
        twoLeasesGranted(leases, redis, bucket);
        long inHand = 20;
        spendAtOnce(leases, bucket, (int) (inHand - redis.wanted.get(1) / 2));
        assertThat(redis.wanted).hasSize(3);
        long left = redis.wanted.get(1) / 2;
        // The count started over: this grant is of a new window, whose count is only this grant.
        redis.grantLast(redis.wanted.get(2));
        spendAtOnce(leases, bucket, (int) (long) redis.wanted.get(2));
        Future<RateLimitDecision> beyond = leases.acquire(bucket, 1_000_000, Duration.ofMinutes(1));
        assertThat(beyond.isComplete()).as("the %d permits of the old window were not kept", left).isFalse();
    }
}
