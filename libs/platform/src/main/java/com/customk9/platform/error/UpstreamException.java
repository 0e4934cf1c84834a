package com.customk9.platform.error;

import java.util.Map;

/**
 * A dependency (Odoo or another service) failed: 502 when it could not be reached or answered
 * nonsense, 503 when it is known to be unavailable, 504 when it was too slow. Carries what Odoo
 * said, if anything, for the envelope's {@code odoo_error}.
 */
public class UpstreamException extends ApiException {

    public UpstreamException(ErrorCode code, String message, Map<String, ?> odooError, Throwable cause) {
        super(code, message, null, odooError, cause);
    }

    public static UpstreamException odooConnection(Map<String, ?> odooError, Throwable cause) {
        return new UpstreamException(ErrorCode.ODOO_CONNECTION_ERROR, ErrorCode.ODOO_CONNECTION_ERROR.defaultMessage(),
                odooError, cause);
    }

    public static UpstreamException unavailable(String dependency, Throwable cause) {
        return new UpstreamException(ErrorCode.SERVICE_UNAVAILABLE, dependency + " is temporarily unavailable", null, cause);
    }

    public static UpstreamException timeout(String dependency, Throwable cause) {
        return new UpstreamException(ErrorCode.GATEWAY_TIMEOUT, dependency + " did not answer in time", null, cause);
    }
}
