package com.customk9.gateway.auth;

import java.util.Set;

/**
 * Who a verified access token says the caller is.
 *
 * @param subject the Odoo user id ({@code sub})
 * @param partnerId the Odoo partner id ({@code partner_id}), null when the token has none
 * @param roles the {@code groups} claim: client, trainer, staff, admin
 * @param tokenId the {@code jti}, which logout revokes
 * @param expiresAt {@code exp}, in epoch seconds
 */
public record Caller(String subject, Long partnerId, Set<String> roles, String tokenId, long expiresAt) {

    public boolean hasAnyRole(Set<String> wanted) {
        return wanted.isEmpty() || wanted.stream().anyMatch(roles::contains);
    }
}
