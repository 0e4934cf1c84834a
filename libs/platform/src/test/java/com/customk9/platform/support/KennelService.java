package com.customk9.platform.support;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.platform.event.CloudEvent;
import com.customk9.platform.outbox.Outbox;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** A state change paired with its event, the way a service uses the outbox. */
@ApplicationScoped
public class KennelService {

    public static final String SOURCE = "/customk9/platform-tests";
    public static final String OPENED = "com.customk9.test.kennel.opened";

    private final Outbox outbox;

    public KennelService(Outbox outbox) {
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<CloudEvent> open(String topic, String name, String key, int sequence) {
        CloudEvent event = CloudEvent.of(SOURCE, OPENED, key,
                JsonNodeFactory.instance.objectNode().put("name", name).put("sequence", sequence));
        return insertKennel(name)
                .chain(() -> outbox.publish(topic, event))
                .replaceWith(event);
    }

    /** Writes the kennel and its event, then fails: both must disappear with the rollback. */
    @WithTransaction
    public Uni<Void> openThenFail(String topic, String name) {
        CloudEvent event = CloudEvent.of(SOURCE, OPENED, "kennel:" + name,
                JsonNodeFactory.instance.objectNode().put("name", name));
        return insertKennel(name)
                .chain(() -> outbox.publish(topic, event))
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("business rule broken")));
    }

    private static Uni<Integer> insertKennel(String name) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("insert into kennel (name) values (?1)")
                .setParameter(1, name)
                .executeUpdate());
    }
}
