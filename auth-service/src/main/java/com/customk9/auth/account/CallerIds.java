package com.customk9.auth.account;

import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.customk9.platform.error.ApiException;

/** Who the verified access token says the caller is. */
public final class CallerIds {

    private CallerIds() {
    }

    /** The Odoo user id ({@code sub}). */
    public static long userId(JsonWebToken token) {
        try {
            return Long.parseLong(token.getSubject());
        } catch (NumberFormatException | NullPointerException e) {
            throw ApiException.unauthorized("The token does not name a user");
        }
    }

    /** The refresh family the token was issued in ({@code sid}), when it names one. */
    public static Optional<UUID> familyId(JsonWebToken token) {
        Object sid = token.getClaim("sid");
        if (sid == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(sid.toString()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
