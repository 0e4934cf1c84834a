package com.customk9.training.event;

import java.util.Collection;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.platform.event.CloudEvent;
import com.customk9.platform.event.Topics;
import com.customk9.platform.outbox.Outbox;
import com.customk9.training.dog.Dog;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * What training-service tells the others, on {@code customk9.training.events} through the outbox.
 * Odoo holds the state, so each event is recorded right after Odoo accepted the change, in a
 * transaction of its own; the subject ({@code dog:<id>}, {@code plan:<id>}...) keeps one thing's
 * events in order.
 */
@ApplicationScoped
public class TrainingEvents {

    public static final String SOURCE = "/customk9/training";
    public static final String DOG_CREATED = "com.customk9.training.dog.created";
    public static final String DOG_UPDATED = "com.customk9.training.dog.updated";
    public static final String DOG_ARCHIVED = "com.customk9.training.dog.archived";

    private final Outbox outbox;
    private final ObjectMapper mapper;

    public TrainingEvents(Outbox outbox, ObjectMapper mapper) {
        this.outbox = outbox;
        this.mapper = mapper;
    }

    public Uni<Void> dogCreated(Dog dog) {
        return publish(DOG_CREATED, "dog:" + dog.id(), Map.of("dog", dog));
    }

    public Uni<Void> dogUpdated(Dog dog, Collection<String> changedFields) {
        return publish(DOG_UPDATED, "dog:" + dog.id(), Map.of("dog", dog, "changed", changedFields));
    }

    public Uni<Void> dogArchived(Dog dog) {
        return publish(DOG_ARCHIVED, "dog:" + dog.id(), Map.of("dog_id", dog.id()));
    }

    /** Publishes one event in a transaction of its own (or the caller's, when one is open). */
    public Uni<Void> publish(String type, String subject, Map<String, Object> data) {
        CloudEvent event = CloudEvent.of(SOURCE, type, subject, mapper.valueToTree(data));
        return Panache.withTransaction(() -> outbox.publish(Topics.TRAINING_EVENTS, event));
    }
}
