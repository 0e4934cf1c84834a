package com.customk9.auth.session;

import java.util.Locale;

/** Why a refresh family ended (stored, and logged). */
public enum RevocationReason {
    LOGOUT, REUSE_DETECTED, PASSWORD_CHANGED, PASSWORD_RESET, ACCOUNT_DISABLED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
