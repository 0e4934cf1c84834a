package com.customk9.training.plan;

import java.time.LocalDate;

import com.customk9.odoo.client.record.OdooRecord;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One exercise of a training plan (customk9.training.exercise), in the plan's order. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Exercise(
        long id,
        String name,
        String description,
        int sequence,
        @JsonProperty("duration_minutes") Integer durationMinutes,
        Integer repetitions,
        boolean completed,
        @JsonProperty("completion_date") LocalDate completionDate) {

    static final String[] FIELDS = { "name", "description", "sequence", "duration_minutes", "repetitions", "completed",
            "completion_date" };

    static Exercise of(OdooRecord record) {
        return new Exercise(record.id(), record.text("name"), record.string("description").orElse(null),
                record.longValue("sequence").map(Long::intValue).orElse(0), positive(record, "duration_minutes"),
                positive(record, "repetitions"), record.bool("completed"), record.date("completion_date").orElse(null));
    }

    /** Odoo reads an unset integer as 0; none of these is meaningful at 0. */
    private static Integer positive(OdooRecord record, String field) {
        return record.longValue(field).filter(value -> value > 0).map(Long::intValue).orElse(null);
    }
}
