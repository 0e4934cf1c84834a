package com.customk9.training.project;

import java.time.LocalDate;
import java.util.List;

import com.customk9.odoo.client.record.OdooRecord;
import com.customk9.training.dog.Dog;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A training project (project.project); {@code tasks} only when one project is asked for. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Project(
        long id,
        String name,
        String description,
        String status,
        boolean active,
        Dog.Ref client,
        Dog.Ref manager,
        @JsonProperty("date_start") LocalDate dateStart,
        @JsonProperty("date_end") LocalDate dateEnd,
        @JsonProperty("task_count") Integer taskCount,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Task> tasks) {

    static final String[] FIELDS = { "name", "description", "active", "partner_id", "user_id", "date_start", "date",
            "task_count" };

    static Project of(OdooRecord record, LocalDate today) {
        return of(record, today, null);
    }

    static Project of(OdooRecord record, LocalDate today, List<Task> tasks) {
        LocalDate start = record.date("date_start").orElse(null);
        LocalDate end = record.date("date").orElse(null);
        boolean active = record.bool("active");
        return new Project(record.id(), record.text("name"), record.string("description").orElse(null),
                ProjectStatus.of(active, start, end, today).value(), active,
                Task.ref(record, "partner_id"), Task.ref(record, "user_id"), start, end,
                record.longValue("task_count").map(Long::intValue).orElse(null), tasks);
    }
}
