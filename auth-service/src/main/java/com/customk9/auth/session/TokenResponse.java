package com.customk9.auth.session;

import com.customk9.auth.account.Account;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Tokens as seed 003 names them ({@code access}, {@code refresh}, like the request body of
 * {@code /api/auth/refresh}), with their lifetimes, the user and their Odoo session (never its token).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenResponse(
        String access,
        String refresh,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("refresh_expires_in") long refreshExpiresIn,
        Account user,
        OdooSessionInfo odoo) {

    /** The user's Odoo session as the client may know it: who, and until when. */
    public record OdooSessionInfo(
            @JsonProperty("uid") long userId,
            @JsonProperty("session_expires_at") String sessionExpiresAt) {
    }
}
