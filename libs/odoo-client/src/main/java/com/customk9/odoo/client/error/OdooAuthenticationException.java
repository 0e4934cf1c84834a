package com.customk9.odoo.client.error;

import java.util.Map;

import com.customk9.platform.error.ApiException;
import com.customk9.platform.error.ErrorCode;

/** Odoo refused a user's login or password ({@code AccessDenied}, a 401 from /api/v2): 401. */
public class OdooAuthenticationException extends ApiException implements OdooFailure {

    public OdooAuthenticationException(Map<String, ?> odooError) {
        super(ErrorCode.UNAUTHORIZED, "Invalid credentials", null, OdooErrors.copy(odooError), null);
    }

    @Override
    public String outcome() {
        return "authentication";
    }
}
