package com.customk9.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class LocalRateLimiterTest {

    @Test
    void admitsExactlyTheLimitFromManyThreads() throws Exception {
        LocalRateLimiter limiter = new LocalRateLimiter();
        AtomicInteger admitted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        for (int i = 0; i < 1000; i++) {
            pool.submit(() -> {
                if (limiter.check("b", 37, Duration.ofMinutes(1)).allowed()) {
                    admitted.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(admitted.get()).isEqualTo(37);
    }

    @Test
    void startsAFreshWindowWhenTheOldOneEnds() {
        LocalRateLimiter limiter = new LocalRateLimiter();
        assertThat(limiter.check("b", 1, Duration.ofMillis(200)).allowed()).isTrue();
        RateLimitDecision refused = limiter.check("b", 1, Duration.ofMillis(200));
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.resetSeconds()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(2)).until(() -> limiter.check("b", 1, Duration.ofMillis(200)).allowed());
    }

    @Test
    void keepsBucketsApart() {
        LocalRateLimiter limiter = new LocalRateLimiter();
        assertThat(limiter.check("a", 1, Duration.ofMinutes(1)).allowed()).isTrue();
        assertThat(limiter.check("b", 1, Duration.ofMinutes(1)).allowed()).isTrue();
        assertThat(limiter.check("a", 1, Duration.ofMinutes(1)).allowed()).isFalse();
        assertThat(limiter.buckets()).isEqualTo(2);
    }
}
