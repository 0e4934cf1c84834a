package com.customk9.odoo.client.error;

import java.util.Map;

import com.customk9.platform.error.ErrorCode;
import com.customk9.platform.error.UpstreamException;

/**
 * Odoo could not be reached, failed (HTTP 5xx, an unexpected server error) or answered something that
 * is not its protocol: 502 "Odoo Connection Error" with {@code odoo_error} when Odoo said something.
 * Transient ones (network, 5xx, 429) are retried for reads and count against the circuit breaker.
 */
public class OdooConnectionException extends UpstreamException implements OdooFailure {

    private final boolean transientFailure;

    public OdooConnectionException(boolean transientFailure, Map<String, ?> odooError, Throwable cause) {
        super(ErrorCode.ODOO_CONNECTION_ERROR, ErrorCode.ODOO_CONNECTION_ERROR.defaultMessage(), odooError, cause);
        this.transientFailure = transientFailure;
    }

    /** A failure that may go away by itself: worth a retry for reads, a strike for the breaker. */
    public boolean isTransient() {
        return transientFailure;
    }

    @Override
    public String outcome() {
        return "connection";
    }
}
