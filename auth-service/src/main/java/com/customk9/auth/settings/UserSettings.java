package com.customk9.auth.settings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Seed 003's settings document. {@code language}, {@code timezone} and {@code notifications.email}
 * are the user's {@code lang}, {@code tz} and {@code notification_type} in Odoo; {@code theme} and
 * {@code notifications.push} are kept by auth-service. In a PUT, a field left out keeps its value.
 */
public record UserSettings(
        @Size(max = 16) String language,
        @Size(max = 64) String timezone,
        @Pattern(regexp = "light|dark|system", message = "must be light, dark or system") String theme,
        @Valid Notifications notifications) {

    /** @param email mail from Odoo (Odoo's "Handle by Emails"); false: only in the Odoo inbox */
    public record Notifications(Boolean email, Boolean push) {
    }
}
