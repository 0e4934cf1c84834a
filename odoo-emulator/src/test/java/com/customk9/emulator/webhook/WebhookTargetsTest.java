package com.customk9.emulator.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.customk9.emulator.orm.Orm.RecordListener.Action;

/** Configured targets become automation rules: triggers, fields, signing, action label. */
class WebhookTargetsTest {

    private record Target(List<String> models, String url, Optional<List<String>> fields, Optional<String> secret,
            List<String> on, String actionName, Optional<Long> actionId) implements WebhookConfig.Target {
    }

    private record Config(Optional<List<WebhookConfig.Target>> targets, boolean allowRemoteTargets) implements WebhookConfig {
        @Override
        public Duration timeout() {
            return Duration.ofSeconds(1);
        }
    }

    private static WebhookTargets configured(WebhookConfig.Target... targets) {
        return new WebhookTargets(new Config(Optional.of(List.of(targets)), false));
    }

    @Test
    void configuredTargetsGetActionIdsFromTheirIndex() {
        WebhookTargets targets = configured(
                new Target(List.of("customk9.dog"), "http://127.0.0.1:8080/api/odoo/webhook", Optional.empty(),
                        Optional.of("k"), List.of("create", "write", "unlink"), "Send Webhook Notification", Optional.empty()),
                new Target(List.of("event.registration"), "http://localhost:8080/hook", Optional.of(List.of("state")),
                        Optional.empty(), List.of("unlink"), "Registration gone", Optional.of(12L)));

        assertThat(targets.all()).extracting(WebhookTarget::actionLabel)
                .containsExactly("Send Webhook Notification(#100)", "Registration gone(#12)");
        assertThat(targets.matching(Action.WRITE, "customk9.dog")).hasSize(1);
        assertThat(targets.matching(Action.CREATE, "event.registration")).isEmpty();
        assertThat(targets.matching(Action.UNLINK, "event.registration")).singleElement()
                .satisfies(t -> assertThat(t.fields()).containsExactly("state"));
        assertThat(targets.all().get(0).describe()).containsEntry("signed", true);
    }

    @Test
    void resetKeepsConfiguredTargetsAndDropsRuntimeOnes() {
        WebhookTargets targets = configured(new Target(List.of("customk9.dog"), "http://127.0.0.1:1/x", Optional.empty(),
                Optional.empty(), List.of("create"), "Send Webhook Notification", Optional.empty()));
        targets.add(new WebhookTargets.Definition(List.of("res.partner"), "http://127.0.0.1:2/y", List.of(), null, List.of(),
                null, null));
        assertThat(targets.all()).hasSize(2);
        targets.reset();
        assertThat(targets.all()).extracting(WebhookTarget::configured).containsExactly(true);
    }

    @Test
    void remoteTargetsAreRefusedUnlessAllowed() {
        assertThatThrownBy(() -> configured(new Target(List.of("customk9.dog"), "http://example.com/hook", Optional.empty(),
                Optional.empty(), List.of("create"), "Send Webhook Notification", Optional.empty())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback");
        WebhookTargets allowed = new WebhookTargets(new Config(Optional.empty(), true));
        assertThat(allowed.add(new WebhookTargets.Definition(List.of("customk9.dog"), "https://example.com/hook", List.of(),
                null, List.of(), null, null)).url().getHost()).isEqualTo("example.com");
    }

    @Test
    void payloadHasOdoosKeysAndBareMany2oneIds() {
        WebhookTarget target = new WebhookTarget("t", java.util.Set.of("customk9.dog"), java.util.Set.of(Action.WRITE),
                java.net.URI.create("http://127.0.0.1/x"), List.of("owner_id", "tag_ids", "birthdate", "missing"), null,
                "Send Webhook Notification", 7, false);
        java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("owner_id", List.of(3, "Anna Client"));
        values.put("tag_ids", List.of(1, 2));
        values.put("birthdate", false);
        assertThat(WebhookDispatcher.payload(target, "customk9.dog", 9, values)).isEqualTo(
                "{\"_action\": \"Send Webhook Notification(#7)\", \"_id\": 9, \"_model\": \"customk9.dog\", "
                        + "\"birthdate\": false, \"id\": 9, \"owner_id\": 3, \"tag_ids\": [1, 2]}");
    }
}
