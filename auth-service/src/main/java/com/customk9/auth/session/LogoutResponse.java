package com.customk9.auth.session;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * @param accessTokenRevoked false when Redis could not record the denial: the access token then stays
 *        valid until it expires (minutes), while the refresh tokens are revoked in any case
 */
public record LogoutResponse(String message, @JsonProperty("access_token_revoked") boolean accessTokenRevoked) {
}
