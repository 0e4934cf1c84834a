package com.customk9.training.caller;

import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.customk9.platform.error.ApiException;

/**
 * Who is calling, from the verified access token: every query is scoped by {@link #partnerId()},
 * never by an id in the request. The gateway already checked the token; this service checks it again
 * against auth-service's JWKS.
 */
@RequestScoped
public class Caller {

    public static final String CLIENT = "client";
    public static final String TRAINER = "trainer";
    public static final String STAFF = "staff";
    public static final String ADMIN = "admin";

    private final JsonWebToken token;

    public Caller(JsonWebToken token) {
        this.token = token;
    }

    /** The Odoo user id ({@code sub}). */
    public long userId() {
        try {
            return Long.parseLong(token.getSubject());
        } catch (NumberFormatException | NullPointerException e) {
            throw ApiException.unauthorized("The token does not name a user");
        }
    }

    /** The caller's res.partner id ({@code partner_id}): what "mine" means. */
    public long partnerId() {
        Object claim = token.getClaim("partner_id");
        if (claim instanceof Number number) {
            return number.longValue();
        }
        if (claim != null) {
            try {
                return Long.parseLong(claim.toString());
            } catch (NumberFormatException e) {
                // falls through
            }
        }
        throw ApiException.unauthorized("The token does not name a partner");
    }

    public Set<String> roles() {
        return token.getGroups() == null ? Set.of() : token.getGroups();
    }

    /** Trainers, staff and administrators work with other people's dogs; clients only with their own. */
    public boolean isStaff() {
        Set<String> roles = roles();
        return roles.contains(TRAINER) || roles.contains(STAFF) || roles.contains(ADMIN);
    }
}
