package com.customk9.training.appointment;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import com.customk9.odoo.client.record.OdooRecord;
import com.customk9.training.OdooHtml;
import com.customk9.training.dog.Dog.Ref;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A session with a trainer as the client area shows it (calendar.event); times are UTC instants. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Appointment(
        long id,
        String name,
        Instant start,
        Instant stop,
        @JsonProperty("duration_minutes") long durationMinutes,
        Ref trainer,
        Ref dog,
        String location,
        String notes,
        boolean cancelled) {

    static final String DOG_MODEL = "customk9.dog";

    static final String[] FIELDS = { "name", "start", "stop", "user_id", "partner_id", "partner_ids", "location",
            "description", "res_model", "res_id", "active" };

    /** {@code dogNames}: the names of the dogs the events of this page are about. */
    static Appointment of(OdooRecord record, Map<Long, String> dogNames) {
        Instant start = instant(record, "start");
        Instant stop = instant(record, "stop");
        Ref dog = dogId(record) == null ? null : new Ref(dogId(record), dogNames.get(dogId(record)));
        return new Appointment(record.id(), record.text("name"), start, stop,
                start == null || stop == null ? 0 : Duration.between(start, stop).toMinutes(),
                record.many2one("user_id").map(user -> new Ref(user.id(), user.displayName())).orElse(null),
                dog, record.string("location").orElse(null), OdooHtml.toText(record.string("description").orElse(null)),
                !record.bool("active"));
    }

    /** The dog an event is about ({@code res_model}/{@code res_id}, as Odoo links a meeting to a document). */
    static Long dogId(OdooRecord record) {
        return DOG_MODEL.equals(record.string("res_model").orElse(null))
                ? record.longValue("res_id").filter(id -> id > 0).orElse(null)
                : null;
    }

    static Instant instant(OdooRecord record, String field) {
        return record.dateTime(field).map(time -> time.toInstant(ZoneOffset.UTC)).orElse(null);
    }
}
