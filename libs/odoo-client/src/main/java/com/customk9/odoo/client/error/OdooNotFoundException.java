package com.customk9.odoo.client.error;

import java.util.Map;

import com.customk9.platform.error.ApiException;
import com.customk9.platform.error.ErrorCode;

/**
 * The record (JSON-RPC {@code MissingError}, /api/v2 {@code RECORD_NOT_FOUND}) or the model
 * ({@code KeyError}, {@code MODEL_NOT_FOUND}) does not exist: 404. Never retried, never trips the breaker.
 */
public class OdooNotFoundException extends ApiException implements OdooFailure {

    /** Whether the record or the whole model is missing. */
    public enum Missing { RECORD, MODEL }

    private final Missing missing;
    private final String odooMessage;

    public OdooNotFoundException(Missing missing, String odooMessage, Map<String, ?> odooError) {
        super(ErrorCode.NOT_FOUND, missing == Missing.MODEL ? "Not Found" : "The record does not exist", null, OdooErrors.copy(odooError), null);
        this.missing = missing;
        this.odooMessage = odooMessage;
    }

    public Missing missing() {
        return missing;
    }

    /** Odoo's own wording, for logs; never shown to a client. */
    public String odooMessage() {
        return odooMessage;
    }

    @Override
    public String outcome() {
        return "not_found";
    }
}
