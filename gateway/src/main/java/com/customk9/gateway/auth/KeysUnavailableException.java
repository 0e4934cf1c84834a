package com.customk9.gateway.auth;

/** The key set could not be fetched, so a token signed by a key not seen yet cannot be checked now (503). */
public class KeysUnavailableException extends RuntimeException {

    public KeysUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
