package com.customk9.training.event;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.platform.event.CloudEvent;
import com.customk9.platform.event.Topics;
import com.customk9.platform.outbox.Outbox;
import com.customk9.training.dog.Dog;
import com.customk9.training.note.ProgressNote;
import com.customk9.training.plan.Plan;
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
    public static final String PLAN_CREATED = "com.customk9.training.plan.created";
    public static final String PLAN_UPDATED = "com.customk9.training.plan.updated";
    public static final String EXERCISE_COMPLETED = "com.customk9.training.exercise.completed";
    public static final String EXERCISE_REOPENED = "com.customk9.training.exercise.reopened";
    public static final String PROGRESS_NOTE_ADDED = "com.customk9.training.progress-note.added";

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

    public Uni<Void> planCreated(Plan plan) {
        return publish(PLAN_CREATED, "plan:" + plan.id(), Map.of("plan", plan, "dog_id", plan.dog().id()));
    }

    /** {@code changed}: the plan's fields that were written, {@code exercises} when its exercises changed. */
    public Uni<Void> planUpdated(Plan plan, Collection<String> changed) {
        return publish(PLAN_UPDATED, "plan:" + plan.id(),
                Map.of("plan", plan, "dog_id", plan.dog().id(), "changed", changed));
    }

    public Uni<Void> exerciseCompleted(Plan plan, long exerciseId, LocalDate completionDate) {
        return publish(EXERCISE_COMPLETED, "plan:" + plan.id(), Map.of("plan_id", plan.id(), "dog_id", plan.dog().id(),
                "exercise_id", exerciseId, "completion_date", completionDate, "progress", plan.progress()));
    }

    public Uni<Void> exerciseReopened(Plan plan, long exerciseId) {
        return publish(EXERCISE_REOPENED, "plan:" + plan.id(), Map.of("plan_id", plan.id(), "dog_id", plan.dog().id(),
                "exercise_id", exerciseId, "progress", plan.progress()));
    }

    public Uni<Void> progressNoteAdded(ProgressNote note) {
        return publish(PROGRESS_NOTE_ADDED, "dog:" + note.dog().id(), Map.of("note", note, "dog_id", note.dog().id()));
    }

    /** Publishes one event in a transaction of its own (or the caller's, when one is open). */
    public Uni<Void> publish(String type, String subject, Map<String, Object> data) {
        CloudEvent event = CloudEvent.of(SOURCE, type, subject, mapper.valueToTree(data));
        return Panache.withTransaction(() -> outbox.publish(Topics.TRAINING_EVENTS, event));
    }
}
