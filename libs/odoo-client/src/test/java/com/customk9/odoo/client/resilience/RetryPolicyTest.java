package com.customk9.odoo.client.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import com.customk9.odoo.client.error.OdooAccessDeniedException;
import com.customk9.odoo.client.error.OdooConnectionException;
import com.customk9.odoo.client.error.OdooNotFoundException;
import com.customk9.odoo.client.error.OdooNotFoundException.Missing;
import com.customk9.odoo.client.error.OdooSerializationException;
import com.customk9.odoo.client.error.OdooSessionExpiredException;
import com.customk9.odoo.client.error.OdooTimeoutException;
import com.customk9.odoo.client.error.OdooUnavailableException;
import com.customk9.odoo.client.error.OdooValidationException;

class RetryPolicyTest {

    private final OdooConnectionException outage = new OdooConnectionException(true, null, null);
    private final OdooConnectionException serverBug = new OdooConnectionException(false, null, null);
    private final OdooSerializationException conflict = new OdooSerializationException(null);

    @Test
    void retriesReadsOnTransientFailures() {
        assertThat(RetryPolicy.shouldRetry(CallKind.READ, outage)).isTrue();
        assertThat(RetryPolicy.shouldRetry(CallKind.READ, new OdooTimeoutException(null))).isTrue();
        assertThat(RetryPolicy.shouldRetry(CallKind.READ, new TimeoutException())).isTrue();
        assertThat(RetryPolicy.shouldRetry(CallKind.READ,
                new org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException())).isTrue();
    }

    @Test
    void neverRetriesWritesOnTransientFailures() {
        assertThat(RetryPolicy.shouldRetry(CallKind.WRITE, outage)).isFalse();
        assertThat(RetryPolicy.shouldRetry(CallKind.WRITE, new OdooTimeoutException(null))).isFalse();
    }

    @Test
    void retriesSerializationFailuresForReadsAndWrites() {
        assertThat(RetryPolicy.shouldRetry(CallKind.READ, conflict)).isTrue();
        assertThat(RetryPolicy.shouldRetry(CallKind.WRITE, conflict)).isTrue();
    }

    @Test
    void doesntRetryWhatOdooAnsweredOnPurpose() {
        for (CallKind kind : CallKind.values()) {
            assertThat(RetryPolicy.shouldRetry(kind, new OdooNotFoundException(Missing.RECORD, null, null))).isFalse();
            assertThat(RetryPolicy.shouldRetry(kind, new OdooValidationException("x", null))).isFalse();
            assertThat(RetryPolicy.shouldRetry(kind, new OdooAccessDeniedException(null))).isFalse();
            assertThat(RetryPolicy.shouldRetry(kind, new OdooSessionExpiredException(null))).isFalse();
            assertThat(RetryPolicy.shouldRetry(kind, serverBug)).isFalse();
            assertThat(RetryPolicy.shouldRetry(kind, new OdooUnavailableException(null))).isFalse();
        }
    }

    @Test
    void onlyOutagesAndTimeoutsTripTheBreaker() {
        assertThat(RetryPolicy.tripsBreaker(outage)).isTrue();
        assertThat(RetryPolicy.tripsBreaker(new org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException())).isTrue();
        assertThat(RetryPolicy.tripsBreaker(new OdooNotFoundException(Missing.RECORD, null, null))).isFalse();
        assertThat(RetryPolicy.tripsBreaker(new OdooValidationException("x", null))).isFalse();
        assertThat(RetryPolicy.tripsBreaker(conflict)).isFalse();
        assertThat(RetryPolicy.tripsBreaker(serverBug)).isFalse();
    }
}
