package com.customk9.gateway.route;

import java.util.Map;

import com.customk9.platform.error.ErrorCode;

/** The gateway refuses the request itself (401, 403, 413, 429, 503...); answered in the error envelope. */
public class Refusal extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, ?> details;

    public Refusal(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public Refusal(ErrorCode code, String message, Map<String, ?> details) {
        super(message, null, false, false);
        this.code = code;
        this.details = details;
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, ?> details() {
        return details;
    }
}
