package com.customk9.training.note;

import java.time.LocalDate;

import com.customk9.odoo.client.record.OdooRecord;
import com.customk9.training.dog.Dog.Ref;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A dated note on a dog's progress (customk9.progress.note), optionally about one of its plans, by its
 * author (Odoo's {@code trainer_id}: the user who wrote it, a trainer or the owner); rating 1 to 5.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProgressNote(
        long id,
        Ref dog,
        Ref plan,
        Ref author,
        LocalDate date,
        String note,
        Integer rating) {

    static final String[] FIELDS = { "dog_id", "plan_id", "trainer_id", "date", "note", "rating" };

    static ProgressNote of(OdooRecord record) {
        return new ProgressNote(record.id(), Ref.of(record, "dog_id"), Ref.of(record, "plan_id"),
                Ref.of(record, "trainer_id"), record.date("date").orElse(null), record.text("note"),
                // Odoo reads an unset rating as 0
                record.longValue("rating").filter(rating -> rating > 0).map(Long::intValue).orElse(null));
    }
}
