package com.customk9.platform.event;

/** An event that is not a valid CloudEvent; consumers log and skip it rather than retry forever. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
