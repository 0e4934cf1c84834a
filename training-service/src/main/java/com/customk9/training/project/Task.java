package com.customk9.training.project;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.customk9.odoo.client.batch.RelatedRecords;
import com.customk9.odoo.client.record.OdooRecord;
import com.customk9.training.dog.Dog;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A task of a training project (project.task). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Task(
        long id,
        String name,
        String description,
        String state,
        String priority,
        OffsetDateTime deadline,
        @JsonProperty("ended_at") OffsetDateTime endedAt,
        @JsonProperty("allocated_hours") BigDecimal allocatedHours,
        List<Dog.Ref> assignees,
        Dog.Ref dog,
        @JsonProperty("training_plan") Dog.Ref trainingPlan,
        @JsonProperty("parent_id") Long parentId,
        @JsonProperty("project_id") Long projectId) {

    /** Odoo 17's task states by the names the API shows. */
    static final Map<String, String> STATES = Map.of(
            "01_in_progress", "in_progress",
            "02_changes_requested", "changes_requested",
            "03_approved", "approved",
            "04_waiting_normal", "waiting",
            "1_done", "done",
            "1_canceled", "canceled");

    static final String[] FIELDS = { "name", "description", "state", "priority", "date_deadline", "date_end",
            "allocated_hours", "user_ids", "dog_id", "training_plan_id", "parent_id", "project_id" };

    /** Odoo's stored value of a state the API names, or null. */
    static String odooState(String state) {
        return STATES.entrySet().stream().filter(entry -> entry.getValue().equals(state)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    /** A task with its assignees' names from {@code users} (res.users read once for a page of tasks). */
    static Task of(OdooRecord record, RelatedRecords users) {
        String state = record.string("state").orElse(null);
        return new Task(record.id(), record.text("name"), record.string("description").orElse(null),
                state == null ? null : STATES.getOrDefault(state, state),
                "1".equals(record.string("priority").orElse("0")) ? "high" : "low",
                utc(record, "date_deadline"), utc(record, "date_end"),
                record.decimal("allocated_hours").orElse(null),
                users.allOf(record, "user_ids").stream().map(user -> new Dog.Ref(user.id(), user.text("name"))).toList(),
                ref(record, "dog_id"), ref(record, "training_plan_id"),
                record.many2oneId("parent_id").orElse(null), record.many2oneId("project_id").orElse(null));
    }

    static Dog.Ref ref(OdooRecord record, String field) {
        return record.many2one(field).map(value -> new Dog.Ref(value.id(), value.displayName())).orElse(null);
    }

    private static OffsetDateTime utc(OdooRecord record, String field) {
        return record.dateTime(field).map(at -> at.atOffset(ZoneOffset.UTC)).orElse(null);
    }
}
