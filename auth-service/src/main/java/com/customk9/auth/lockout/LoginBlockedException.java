package com.customk9.auth.lockout;

import java.time.Duration;
import java.util.Map;

import com.customk9.platform.error.ApiException;
import com.customk9.platform.error.ErrorCode;

/**
 * A login refused before Odoo is asked: the account is locked (423) or the client address made too
 * many failed attempts (429). Both say when to try again ({@code Retry-After}, {@code details.retry_after}).
 */
public class LoginBlockedException extends ApiException {

    private final long retryAfterSeconds;

    private LoginBlockedException(ErrorCode code, String message, long retryAfterSeconds) {
        super(code, message, Map.of("retry_after", retryAfterSeconds));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static LoginBlockedException accountLocked(Duration retryAfter) {
        return new LoginBlockedException(ErrorCode.LOCKED,
                "This account is temporarily locked after repeated failed logins", seconds(retryAfter));
    }

    static LoginBlockedException addressBlocked(Duration retryAfter) {
        return new LoginBlockedException(ErrorCode.TOO_MANY_REQUESTS,
                "Too many failed logins from this address", seconds(retryAfter));
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", Long.toString(retryAfterSeconds));
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
