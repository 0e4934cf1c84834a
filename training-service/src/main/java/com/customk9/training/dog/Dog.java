package com.customk9.training.dog;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.customk9.odoo.client.record.Many2one;
import com.customk9.odoo.client.record.OdooRecord;
import com.customk9.training.caller.Caller;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A dog as the client area shows it (customk9.dog). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Dog(
        long id,
        String name,
        String breed,
        @JsonProperty("birth_date") LocalDate birthDate,
        Integer age,
        String gender,
        BigDecimal weight,
        @JsonProperty("training_level") String trainingLevel,
        String notes,
        Ref owner,
        Ref trainer,
        @JsonProperty("plan_count") Integer planCount,
        boolean active) {

    /** A many2one as a small object: id and display name. */
    public record Ref(long id, String name) {
        public static Ref of(OdooRecord record, String field) {
            return record.many2one(field).map(Ref::of).orElse(null);
        }

        public static Ref of(Many2one value) {
            return new Ref(value.id(), value.displayName());
        }
    }

    /** The caller is staff and this dog's trainer. */
    public boolean isTrainedBy(Caller caller) {
        return caller.isStaff() && trainer != null && trainer.id() == caller.userId();
    }

    static final String[] FIELDS = { "name", "breed", "birth_date", "age", "gender", "weight", "training_level", "notes",
            "owner_id", "trainer_id", "plan_count", "active" };

    static Dog of(OdooRecord record) {
        return new Dog(record.id(), record.text("name"), record.string("breed").orElse(null),
                record.date("birth_date").orElse(null), record.longValue("age").map(Long::intValue).orElse(null),
                record.string("gender").orElse(null), record.decimal("weight").orElse(null),
                record.string("training_level").orElse(null), record.string("notes").orElse(null),
                Ref.of(record, "owner_id"), Ref.of(record, "trainer_id"),
                record.longValue("plan_count").map(Long::intValue).orElse(null), record.bool("active"));
    }
}
