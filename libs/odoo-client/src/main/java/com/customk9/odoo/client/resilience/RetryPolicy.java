package com.customk9.odoo.client.resilience;

import java.util.concurrent.TimeoutException;

import com.customk9.odoo.client.error.OdooConnectionException;
import com.customk9.odoo.client.error.OdooSerializationException;
import com.customk9.odoo.client.error.OdooTimeoutException;

/**
 * Which failures are worth another attempt and which count against the circuit breaker.
 * <ul>
 * <li>A serialization failure: Odoo rolled the transaction back, so any call may be repeated, writes too.</li>
 * <li>A transient failure (network, HTTP 5xx/429, timeout): only reads are repeated; a write may have
 * been applied before the answer was lost, so it is never sent twice.</li>
 * <li>Everything Odoo answered on purpose (not found, access, validation, session, credentials) is final.</li>
 * </ul>
 * The breaker counts only what says Odoo itself is unwell: transient failures and timeouts.
 */
public final class RetryPolicy {

    private RetryPolicy() {
    }

    public static boolean shouldRetry(CallKind kind, Throwable failure) {
        if (failure instanceof OdooSerializationException) {
            return true;
        }
        return kind == CallKind.READ && isTransient(failure);
    }

    public static boolean tripsBreaker(Throwable failure) {
        return isTransient(failure);
    }

    static boolean isTransient(Throwable failure) {
        return failure instanceof OdooConnectionException connection && connection.isTransient()
                || failure instanceof OdooTimeoutException
                || failure instanceof TimeoutException
                || failure instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
    }
}
