package com.customk9.emulator.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.emulator.orm.Orm.RecordListener.Action;

/** The webhook targets in force: those from configuration plus those added at runtime by tests. */
@ApplicationScoped
public class WebhookTargets {

    private static final long FIRST_ACTION_ID = 100;

    private final WebhookConfig config;
    private final Map<String, WebhookTarget> targets = new ConcurrentHashMap<>();
    private final AtomicLong nextRuntimeId = new AtomicLong(1);

    public WebhookTargets(WebhookConfig config) {
        this.config = config;
        loadConfigured();
    }

    /** A target as described by configuration or by the admin endpoint. */
    public record Definition(Collection<String> models, String url, List<String> fields, String secret, Collection<String> on,
            String actionName, Long actionId) {
    }

    public List<WebhookTarget> all() {
        return targets.values().stream().sorted(java.util.Comparator.comparing(WebhookTarget::id)).toList();
    }

    public List<WebhookTarget> matching(Action action, String model) {
        List<WebhookTarget> matching = new ArrayList<>();
        for (WebhookTarget target : targets.values()) {
            if (target.matches(action, model)) {
                matching.add(target);
            }
        }
        return matching;
    }

    public WebhookTarget add(Definition definition) {
        long number = nextRuntimeId.getAndIncrement();
        WebhookTarget target = build("runtime-" + number, definition, FIRST_ACTION_ID + 1000 + number, false);
        targets.put(target.id(), target);
        return target;
    }

    public boolean remove(String id) {
        return targets.remove(id) != null;
    }

    /** Back to the configured targets only. */
    public void reset() {
        targets.clear();
        loadConfigured();
    }

    private void loadConfigured() {
        List<WebhookConfig.Target> configured = config.targets().orElse(List.of());
        for (int i = 0; i < configured.size(); i++) {
            WebhookConfig.Target c = configured.get(i);
            Definition definition = new Definition(c.models(), c.url(), c.fields().orElse(List.of()), c.secret().orElse(null),
                    c.on(), c.actionName(), c.actionId().orElse(null));
            WebhookTarget target = build("config-" + i, definition, FIRST_ACTION_ID + i, true);
            targets.put(target.id(), target);
        }
    }

    private WebhookTarget build(String id, Definition d, long defaultActionId, boolean configured) {
        Set<String> models = new LinkedHashSet<>();
        for (String model : d.models() == null ? List.<String>of() : d.models()) {
            if (model != null && !model.isBlank()) {
                models.add(model.trim());
            }
        }
        if (models.isEmpty()) {
            throw new IllegalArgumentException("a webhook needs at least one model");
        }
        URI url = url(d.url());
        Set<Action> on = EnumSet.noneOf(Action.class);
        for (String trigger : d.on() == null || d.on().isEmpty() ? List.of("create", "write", "unlink") : d.on()) {
            try {
                on.add(Action.valueOf(trigger.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'on' takes create, write and unlink, not '" + trigger + "'");
            }
        }
        if (d.secret() != null && d.secret().isEmpty()) {
            throw new IllegalArgumentException("secret must not be empty");
        }
        List<String> fields = d.fields() == null ? List.of() : d.fields().stream().map(String::trim).filter(f -> !f.isEmpty()).toList();
        String actionName = d.actionName() == null || d.actionName().isBlank() ? "Send Webhook Notification" : d.actionName();
        long actionId = Optional.ofNullable(d.actionId()).orElse(defaultActionId);
        return new WebhookTarget(id, models, on, url, fields, d.secret(), actionName, actionId, configured);
    }

    private URI url(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a webhook needs a url");
        }
        try {
            URI url = new URI(value.trim());
            if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
                throw new IllegalArgumentException("webhook url must be an absolute http(s) URL");
            }
            if (!config.allowRemoteTargets() && !isLoopback(url.getHost())) {
                throw new IllegalArgumentException("webhook url must point to the loopback interface (127.0.0.1 or localhost); "
                        + "set customk9.emulator.webhooks.allow-remote-targets=true to send elsewhere");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("webhook url is not a valid URL");
        }
    }

    private static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!bare.matches("[0-9.]+") && !bare.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
