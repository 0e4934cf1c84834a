package com.customk9.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.vertx.core.MultiMap;

class RateLimitHeadersTest {

    @Test
    void writesNumbersAsTheirDecimalDigits() {
        for (long value : new long[] { 0, 7, 9, 10, 99, 100, 1023, 1024, 59_999, 1_000_000_000, Long.MAX_VALUE, -1, -1024 }) {
            assertThat(RateLimitHeaders.number(value).toString()).as("%d", value).isEqualTo(Long.toString(value));
        }
    }

    @Test
    void anAdmittedRequestGetsTheLimitWhatIsLeftAndTheResetTwiceAndNoRetryAfter() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();

        RateLimitHeaders.write(headers, new RateLimitDecision(true, 1_000_000_000, 999_999_936, 2048, true));

        assertThat(headers.get("RateLimit-Limit")).isEqualTo("1000000000");
        assertThat(headers.get("X-RateLimit-Limit")).isEqualTo("1000000000");
        assertThat(headers.get("RateLimit-Remaining")).isEqualTo("999999936");
        assertThat(headers.get("X-RateLimit-Remaining")).isEqualTo("999999936");
        assertThat(headers.get("RateLimit-Reset")).isEqualTo("2048");
        assertThat(headers.get("X-RateLimit-Reset")).isEqualTo("2048");
        assertThat(headers.contains("Retry-After")).isFalse();
    }

    @Test
    void aRefusalAlsoSaysWhenToRetry() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();

        RateLimitHeaders.write(headers, new RateLimitDecision(false, 20, 0, 37, true));

        assertThat(headers.get("RateLimit-Limit")).isEqualTo("20");
        assertThat(headers.get("RateLimit-Remaining")).isEqualTo("0");
        assertThat(headers.get("RateLimit-Reset")).isEqualTo("37");
        assertThat(headers.get("Retry-After")).isEqualTo("37");
    }
}
