package com.customk9.emulator.webhook;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.customk9.emulator.orm.Orm.RecordListener.Action;

/** One automation rule sending webhooks: which models and changes, where, with which fields, signed or not. */
public record WebhookTarget(String id, Set<String> models, Set<Action> on, URI url, List<String> fields, String secret,
        String actionName, long actionId, boolean configured) {

    public boolean matches(Action action, String model) {
        return on.contains(action) && models.contains(model);
    }

    /** Odoo's {@code _action} value: {@code "Send Webhook Notification(#12)"}. */
    public String actionLabel() {
        return actionName + "(#" + actionId + ")";
    }

    public Map<String, Object> describe() {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("id", id);
        description.put("models", models.stream().sorted().toList());
        description.put("on", on.stream().map(a -> a.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList());
        description.put("url", url.toString());
        description.put("fields", fields);
        description.put("signed", secret != null);
        description.put("action", actionLabel());
        description.put("configured", configured);
        return description;
    }
}
