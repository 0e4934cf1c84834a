package com.customk9.training.webhook;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.customk9.odoo.client.OdooClient;
import com.customk9.platform.event.CloudEvent;
import com.customk9.platform.event.CloudEventCodec;
import com.customk9.platform.event.InvalidEventException;

import io.smallrye.mutiny.Uni;

/**
 * Odoo said a record changed (the gateway's {@code odoo.webhooks}, subject {@code model:id}): its
 * cached reads, and the cached queries of its model, are dropped before their 5 minutes are up.
 * Dropping twice is harmless, so redeliveries need no bookkeeping.
 */
public class OdooChangeListener {

    private static final Logger LOG = Logger.getLogger(OdooChangeListener.class);

    private final OdooClient odoo;
    private final CloudEventCodec codec;

    public OdooChangeListener(OdooClient odoo, CloudEventCodec codec) {
        this.odoo = odoo;
        this.codec = codec;
    }

    @Incoming("odoo-webhooks")
    public Uni<Void> onChange(String json) {
        CloudEvent event;
        try {
            event = codec.fromJson(json);
        } catch (InvalidEventException e) {
            LOG.warnf("Skipping an invalid odoo.webhooks event: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }
        String subject = event.subject();
        if (subject == null || !subject.matches("[a-z0-9_.]+:\\d+")) {
            LOG.debugf("odoo.webhooks event %s has no model:id subject; nothing to invalidate", event.id());
            return Uni.createFrom().voidItem();
        }
        return odoo.invalidate(subject).onFailure().recoverWithItem(error -> {
            LOG.infof("Could not invalidate %s (%s); the cached reads expire with their TTL", subject, error.toString());
            return null;
        });
    }
}
