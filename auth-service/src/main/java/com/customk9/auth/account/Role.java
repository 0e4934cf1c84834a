package com.customk9.auth.account;

import java.util.Locale;

/** What a caller may do in the suite, derived from their Odoo groups; the {@code groups} claim of the token. */
public enum Role {
    CLIENT, TRAINER, STAFF, ADMIN;

    /** As it appears in tokens and route configuration: lower case. */
    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }
}
