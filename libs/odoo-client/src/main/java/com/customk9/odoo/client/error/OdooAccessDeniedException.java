package com.customk9.odoo.client.error;

import java.util.Map;

import com.customk9.platform.error.ApiException;
import com.customk9.platform.error.ErrorCode;

/** Odoo's {@code AccessError} (or a 403 from /api/v2): the acting user may not do this. 403. */
public class OdooAccessDeniedException extends ApiException implements OdooFailure {

    public OdooAccessDeniedException(Map<String, ?> odooError) {
        super(ErrorCode.FORBIDDEN, "Access to this record is not allowed", null, OdooErrors.copy(odooError), null);
    }

    @Override
    public String outcome() {
        return "access_denied";
    }
}
