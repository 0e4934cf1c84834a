package com.customk9.emulator.webhook;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.customk9.emulator.orm.Orm;
import com.customk9.emulator.orm.Orm.RecordListener.Action;
import com.customk9.emulator.session.EmulatorClock;

import io.quarkus.runtime.StartupEvent;

/**
 * Odoo's "Send Webhook Notification" server action run by automation rules: after each committed
 * create, write or unlink of a watched model, one POST per record with
 * {@code {"_action", "_id", "_model", <selected fields>}} (many2one values as bare ids), serialized
 * as Python's {@code json.dumps(sort_keys=True)}, sent and forgotten: one-second timeout, no retry,
 * failures only logged.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final Orm orm;
    private final WebhookTargets targets;
    private final WebhookConfig config;
    private final EmulatorClock clock;
    private final HttpClient client;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public WebhookDispatcher(Orm orm, WebhookTargets targets, WebhookConfig config, EmulatorClock clock) {
        this.orm = orm;
        this.targets = targets;
        this.config = config;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    void listen(@Observes StartupEvent event) {
        orm.addListener(this::changed);
    }

    void changed(Action action, String model, long id, Map<String, Object> values) {
        for (WebhookTarget target : targets.matching(action, model)) {
            try {
                send(target, payload(target, model, id, values));
            } catch (RuntimeException e) {
                failed.incrementAndGet();
                LOG.warnf("Webhook call to %s failed: %s", target.url(), e.getMessage());
            }
        }
    }

    static String payload(WebhookTarget target, String model, long id, Map<String, Object> values) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("_model", model);
        body.put("_id", id);
        body.put("_action", target.actionLabel());
        if (!target.fields().isEmpty()) {
            // record.read(fields, load=None)[0]: always the id, many2one as a bare id
            body.put("id", id);
            for (String field : target.fields()) {
                if (values.containsKey(field)) {
                    body.put(field, bareMany2one(values.get(field)));
                }
            }
        }
        return PythonJson.dumps(body);
    }

    /** {@code [id, display_name]} as read() gives a many2one becomes the bare id, as read(load=None) gives it. */
    private static Object bareMany2one(Object value) {
        if (value instanceof List<?> pair && pair.size() == 2 && pair.get(0) instanceof Number
                && (pair.get(1) instanceof String || Boolean.FALSE.equals(pair.get(1)))) {
            return pair.get(0);
        }
        return value;
    }

    private void send(WebhookTarget target, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.url())
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "odoo-emulator/17.0")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target.secret() != null) {
            long timestamp = clock.instant().getEpochSecond();
            request.header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
            request.header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(target.secret(), timestamp, body));
        }
        LOG.debugf("Webhook call to %s: %s", target.url(), body);
        client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error != null) {
                failed.incrementAndGet();
                LOG.warnf("Webhook call to %s failed (not retried): %s", target.url(), error.toString());
            } else if (response.statusCode() >= 400) {
                failed.incrementAndGet();
                LOG.warnf("Webhook call to %s failed (not retried): HTTP %d", target.url(), response.statusCode());
            } else {
                sent.incrementAndGet();
            }
        });
    }

    public Map<String, Object> counters() {
        Map<String, Object> counters = new LinkedHashMap<>();
        counters.put("delivered", sent.get());
        counters.put("failed", failed.get());
        return counters;
    }

    public void resetCounters() {
        sent.set(0);
        failed.set(0);
    }
}
