package com.customk9.platform.support;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.customk9.platform.consumer.IdempotentConsumer;
import com.customk9.platform.event.CloudEvent;
import com.customk9.platform.event.CloudEventCodec;
import com.customk9.platform.event.InvalidEventException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** A Kafka consumer written the way services write theirs: parse, then process once. */
@ApplicationScoped
public class KennelVisitConsumer {

    public static final String NAME = "kennel-visits";
    private static final Logger LOG = Logger.getLogger(KennelVisitConsumer.class);

    private final CloudEventCodec codec;
    private final IdempotentConsumer consumer;

    public KennelVisitConsumer(CloudEventCodec codec, IdempotentConsumer consumer) {
        this.codec = codec;
        this.consumer = consumer;
    }

    @Incoming("kennel-events")
    public Uni<Void> onEvent(String json) {
        CloudEvent event;
        try {
            event = codec.fromJson(json);
        } catch (InvalidEventException e) {
            LOG.warnf("Skipping an invalid event: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }
        return consumer.processOnce(NAME, event, () -> countVisit(event.subject())).replaceWithVoid();
    }

    public static Uni<Integer> countVisit(String kennel) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into kennel_visit (kennel_name, visits) values (?1, 1)
                on conflict (kennel_name) do update set visits = kennel_visit.visits + 1
                """).setParameter(1, kennel).executeUpdate());
    }
}
