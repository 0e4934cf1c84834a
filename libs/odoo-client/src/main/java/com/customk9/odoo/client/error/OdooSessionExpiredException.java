package com.customk9.odoo.client.error;

import java.util.Map;

import com.customk9.platform.error.ApiException;
import com.customk9.platform.error.ErrorCode;

/**
 * The user's Odoo session is gone (JSON-RPC error code 100, or /api/v2 refusing the session token)
 * and could not be refreshed or renewed. 401: the user has to sign in again.
 */
public class OdooSessionExpiredException extends ApiException implements OdooFailure {

    public OdooSessionExpiredException(Map<String, ?> odooError) {
        super(ErrorCode.UNAUTHORIZED, "The session has expired", null, OdooErrors.copy(odooError), null);
    }

    @Override
    public String outcome() {
        return "session_expired";
    }
}
