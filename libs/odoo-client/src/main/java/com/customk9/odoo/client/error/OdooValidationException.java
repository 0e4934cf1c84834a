package com.customk9.odoo.client.error;

import java.util.Map;

import com.customk9.platform.error.ApiException;
import com.customk9.platform.error.ErrorCode;

/**
 * Odoo refused the values: {@code ValidationError} or {@code UserError} (a required field, a
 * selection value, a business rule), or a 400/422 from /api/v2. 422: the request was well formed
 * but Odoo's rules reject it. Odoo writes these messages for end users, so the message is kept.
 */
public class OdooValidationException extends ApiException implements OdooFailure {

    private static final int MAX_MESSAGE = 500;

    public OdooValidationException(String odooMessage, Map<String, ?> odooError) {
        super(ErrorCode.UNPROCESSABLE_ENTITY, clip(odooMessage), null, OdooErrors.copy(odooError), null);
    }

    private static String clip(String message) {
        if (message == null || message.isBlank()) {
            return "Odoo rejected the values";
        }
        return message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message;
    }

    @Override
    public String outcome() {
        return "validation";
    }
}
