package com.customk9.emulator.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Webhook targets configured like Odoo automation rules with a "Send Webhook Notification" action:
 * <pre>
 * customk9.emulator.webhooks.targets[0].models=customk9.dog,calendar.event
 * customk9.emulator.webhooks.targets[0].url=http://127.0.0.1:8080/api/odoo/webhook
 * customk9.emulator.webhooks.targets[0].fields=name,owner_id
 * customk9.emulator.webhooks.targets[0].secret=...        (optional: sign with X-Odoo-Signature)
 * customk9.emulator.webhooks.targets[0].on=create,write,unlink
 * </pre>
 */
@ConfigMapping(prefix = "customk9.emulator.webhooks")
public interface WebhookConfig {

    /** The configured targets (more can be added at runtime through /emulator/webhooks). */
    Optional<List<Target>> targets();

    /** Odoo's hard-coded timeout: one second, then the call is abandoned (never retried). */
    @WithDefault("1s")
    Duration timeout();

    /** Targets must be on the loopback interface unless this is true (the emulator is a local tool). */
    @WithDefault("false")
    boolean allowRemoteTargets();

    interface Target {

        /** The models whose records trigger this webhook. */
        List<String> models();

        String url();

        /** The fields sent with {@code _action}, {@code _id}, {@code _model}; none by default, as in Odoo. */
        Optional<List<String>> fields();

        /** When set, every call carries {@code X-Odoo-Timestamp} and {@code X-Odoo-Signature}. */
        Optional<String> secret();

        /** Which changes trigger it: create, write, unlink. */
        @WithDefault("create,write,unlink")
        List<String> on();

        /** The server action's name, shown in {@code _action} as {@code "<name>(#<id>)"}. */
        @WithDefault("Send Webhook Notification")
        String actionName();

        /** The server action's id in {@code _action}; 100 + the target's index when not set. */
        Optional<Long> actionId();
    }
}
