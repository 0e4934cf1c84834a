package com.customk9.odoo.client.error;

import com.customk9.platform.error.ErrorCode;
import com.customk9.platform.error.UpstreamException;

/** The circuit breaker for this Odoo instance is open: calls fail fast with 503 until it half-opens. */
public class OdooUnavailableException extends UpstreamException implements OdooFailure {

    public OdooUnavailableException(Throwable cause) {
        super(ErrorCode.SERVICE_UNAVAILABLE, "Odoo is temporarily unavailable", null, cause);
    }

    @Override
    public String outcome() {
        return "circuit_open";
    }
}
