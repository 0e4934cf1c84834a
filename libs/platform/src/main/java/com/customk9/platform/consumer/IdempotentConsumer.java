package com.customk9.platform.consumer;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.customk9.platform.event.CloudEvent;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.Uni;

/**
 * Gives an event's effect once, however often the event is delivered. The event id is recorded in
 * {@code processed_event} in the same transaction as the effect's own writes: a redelivery finds
 * the id and does nothing; a failed effect rolls the id back so the redelivery tries again.
 *
 * <pre>{@code
 * @Incoming("training-events")
 * public Uni<Void> onEvent(String json) {
 *     CloudEvent event = codec.fromJson(json);
 *     return consumer.processOnce("notifications", event, () -> notifications.create(event)).replaceWithVoid();
 * }
 * }</pre>
 */
@ApplicationScoped
@IfBuildProperty(name = "customk9.events.enabled", stringValue = "true", enableIfMissing = true)
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private final ProcessedEventsConfig config;

    public IdempotentConsumer(ProcessedEventsConfig config) {
        this.config = config;
    }

    @ConfigMapping(prefix = "customk9.processed-events")
    public interface ProcessedEventsConfig {
        /** How long processed ids are remembered; must exceed the longest possible redelivery delay. */
        @WithDefault("30d")
        java.time.Duration retention();
    }

    /** Runs the effect unless this consumer already processed the event; true when it ran. */
    public Uni<Boolean> processOnce(String consumer, CloudEvent event, Supplier<Uni<?>> effect) {
        return processOnce(consumer, event.id(), effect);
    }

    /** Runs the effect unless this consumer already processed an event with that id; true when it ran. */
    public Uni<Boolean> processOnce(String consumer, String eventId, Supplier<Uni<?>> effect) {
        if (consumer == null || consumer.isBlank() || eventId == null || eventId.isBlank()) {
            return Uni.createFrom().failure(new IllegalArgumentException("consumer and event id are required"));
        }
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                        insert into processed_event (consumer, event_id) values (?1, ?2)
                        on conflict do nothing
                        """)
                        .setParameter(1, consumer)
                        .setParameter(2, eventId)
                        .executeUpdate())
                .chain(inserted -> {
                    if (inserted == 0) {
                        LOG.debugf("Event %s already processed by %s, skipped", eventId, consumer);
                        return Uni.createFrom().item(false);
                    }
                    return effect.get().replaceWith(true);
                }));
    }

    /** Forgets processed ids older than the retention. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeOld() {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(
                        "delete from processed_event where processed_at < now() - make_interval(secs => ?1)")
                        .setParameter(1, (double) config.retention().toSeconds())
                        .executeUpdate()))
                .onFailure().invoke(error -> LOG.warnf("Purging processed event ids failed: %s", error.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
