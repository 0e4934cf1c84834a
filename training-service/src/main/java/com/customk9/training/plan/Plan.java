package com.customk9.training.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.customk9.odoo.client.record.OdooRecord;
import com.customk9.training.dog.Dog.Ref;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A training plan (customk9.training.plan). {@code progress} is Odoo's own: the share of the plan's
 * exercises completed, in percent with two decimals, computed and stored by Odoo whenever an exercise
 * changes. Listings leave {@code exercises} out; a single plan carries them, in order.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Plan(
        long id,
        String name,
        Ref dog,
        Ref owner,
        Ref trainer,
        @JsonProperty("start_date") LocalDate startDate,
        @JsonProperty("end_date") LocalDate endDate,
        String objectives,
        String state,
        BigDecimal progress,
        @JsonProperty("exercise_count") int exerciseCount,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Exercise> exercises) {

    /** The states of Odoo's selection, in their order. */
    static final String STATES = "draft|active|done|cancelled";
    static final String STATES_MESSAGE = "must be draft, active, done or cancelled";

    static final String[] FIELDS = { "name", "dog_id", "owner_id", "trainer_id", "start_date", "end_date", "objectives",
            "state", "progress", "exercise_ids" };

    static Plan of(OdooRecord record, List<Exercise> exercises) {
        return new Plan(record.id(), record.text("name"), Ref.of(record, "dog_id"), Ref.of(record, "owner_id"),
                Ref.of(record, "trainer_id"), record.date("start_date").orElse(null),
                record.date("end_date").orElse(null), record.string("objectives").orElse(null),
                record.string("state").orElse(null), record.decimal("progress").orElse(BigDecimal.ZERO),
                record.ids("exercise_ids").size(), exercises);
    }
}
