package com.customk9.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class OutboxRelayBackoffTest {

    private static final Duration INITIAL = Duration.ofMillis(500);
    private static final Duration MAX = Duration.ofSeconds(30);

    @Test
    void doesNotWaitWithoutFailures() {
        assertThat(OutboxRelay.backoff(0, INITIAL, MAX)).isZero();
    }

    @Test
    void doublesTheWaitAfterEachFailure() {
        assertThat(OutboxRelay.backoff(1, INITIAL, MAX)).isEqualTo(Duration.ofMillis(500));
        assertThat(OutboxRelay.backoff(2, INITIAL, MAX)).isEqualTo(Duration.ofSeconds(1));
        assertThat(OutboxRelay.backoff(4, INITIAL, MAX)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void neverWaitsLongerThanTheMaximum() {
        assertThat(OutboxRelay.backoff(7, INITIAL, MAX)).isEqualTo(MAX);
        assertThat(OutboxRelay.backoff(10_000, INITIAL, MAX)).isEqualTo(MAX);
    }

    @Test
    void retriesWhatTheBrokerMayTakeLaterAndSetsAsideWhatItNeverWill() {
        assertThat(OutboxRelay.isPermanent(new TimeoutException("broker down"))).isFalse();
        assertThat(OutboxRelay.isPermanent(new NetworkException("connection reset"))).isFalse();
        assertThat(OutboxRelay.isPermanent(new IllegalStateException("anything unknown"))).isFalse();
        assertThat(OutboxRelay.isPermanent(new RecordTooLargeException("2 MB"))).isTrue();
    }
}
