package com.customk9.gateway.auth;

/** The token cannot be trusted; the message says why for the logs (clients only get a 401). */
public class InvalidTokenException extends RuntimeException {

    public InvalidTokenException(String reason) {
        super(reason, null, false, false);
    }

    public InvalidTokenException(String reason, Throwable cause) {
        super(reason, cause, false, false);
    }
}
