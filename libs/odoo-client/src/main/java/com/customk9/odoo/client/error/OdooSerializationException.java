package com.customk9.odoo.client.error;

import java.util.Map;

import com.customk9.platform.error.ApiException;
import com.customk9.platform.error.ErrorCode;

/**
 * PostgreSQL refused a concurrent update ({@code psycopg2.errors.SerializationFailure}): Odoo rolled the
 * transaction back, so the call is safe to repeat and the client does, with jitter. Reaching a caller
 * means every retry met the same conflict: 409.
 */
public class OdooSerializationException extends ApiException implements OdooFailure {

    public OdooSerializationException(Map<String, ?> odooError) {
        super(ErrorCode.CONFLICT, "The record was changed concurrently; try again", null, OdooErrors.copy(odooError), null);
    }

    @Override
    public String outcome() {
        return "serialization";
    }
}
