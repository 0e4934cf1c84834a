package com.customk9.odoo.client.error;

import com.customk9.platform.error.ErrorCode;
import com.customk9.platform.error.UpstreamException;

/** Odoo did not answer within {@code odoo.timeout.call}: 504. */
public class OdooTimeoutException extends UpstreamException implements OdooFailure {

    public OdooTimeoutException(Throwable cause) {
        super(ErrorCode.GATEWAY_TIMEOUT, "Odoo did not answer in time", null, cause);
    }

    @Override
    public String outcome() {
        return "timeout";
    }
}
