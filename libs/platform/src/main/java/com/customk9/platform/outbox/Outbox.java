package com.customk9.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.platform.event.CloudEvent;
import com.customk9.platform.event.CloudEventCodec;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Records an event in the same PostgreSQL transaction as the state change it describes; the
 * {@link OutboxRelay} delivers it to Kafka after the commit. If the transaction rolls back, the
 * event never existed. Call it from inside {@code @WithTransaction}:
 *
 * <pre>{@code
 * return dog.persist().chain(() -> outbox.publish(Topics.TRAINING_EVENTS, CloudEvent.of(...)));
 * }</pre>
 */
@ApplicationScoped
@IfBuildProperty(name = "customk9.events.enabled", stringValue = "true", enableIfMissing = true)
public class Outbox {

    private final CloudEventCodec codec;

    public Outbox(CloudEventCodec codec) {
        this.codec = codec;
    }

    /**
     * The same for services that use the reactive SQL client directly: {@code connection} must be inside
     * the transaction of the change ({@code pool.withTransaction(connection -> ...)}).
     */
    public Uni<Void> publish(io.vertx.mutiny.sqlclient.SqlClient connection, String topic, CloudEvent event) {
        return connection.preparedQuery("""
                insert into outbox_event (event_id, topic, message_key, event_type, payload)
                values ($1, $2, $3, $4, $5)
                """)
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(event.id(), topic,
                        event.subject() != null ? event.subject() : event.id(), event.type(), codec.toJson(event)))
                .replaceWithVoid();
    }

    /** Adds the event to the current transaction; fails when there is none. Keyed by the event's subject. */
    public Uni<Void> publish(String topic, CloudEvent event) {
        String payload = codec.toJson(event);
        String key = event.subject() != null ? event.subject() : event.id();
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "outbox events must be written inside the transaction of the change they describe"))
                .chain(transaction -> Panache.getSession())
                .chain(session -> session.createNativeQuery("""
                        insert into outbox_event (event_id, topic, message_key, event_type, payload)
                        values (?1, ?2, ?3, ?4, ?5)
                        """)
                        .setParameter(1, event.id())
                        .setParameter(2, topic)
                        .setParameter(3, key)
                        .setParameter(4, event.type())
                        .setParameter(5, payload)
                        .executeUpdate())
                .replaceWithVoid();
    }
}
