package com.customk9.platform.event;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 event in its JSON (structured) form, the envelope of every event on our topics.
 * Attribute names are the spec's own, so a third-party CloudEvents consumer reads them unchanged.
 *
 * @param specversion always {@value #SPEC_VERSION}
 * @param id unique per event; consumers use it to ignore redeliveries
 * @param source the producing service, e.g. {@code /customk9/training}
 * @param type reverse-DNS event type, e.g. {@code com.customk9.training.dog.created}
 * @param subject what the event is about, e.g. {@code dog:42}; also the Kafka key
 * @param time when it happened (UTC)
 * @param datacontenttype always {@code application/json}
 * @param data the event's payload
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    /** A new event with a fresh id, stamped now. */
    public static CloudEvent of(String source, String type, String subject, JsonNode data) {
        return new CloudEvent(SPEC_VERSION, UUID.randomUUID().toString(), source, type, subject,
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS), "application/json", data);
    }

    /** Throws {@link InvalidEventException} unless the event carries what the spec requires. */
    public CloudEvent requireValid() {
        if (!SPEC_VERSION.equals(specversion)) {
            throw new InvalidEventException("specversion must be " + SPEC_VERSION);
        }
        requireText(id, "id");
        requireText(source, "source");
        requireText(type, "type");
        return this;
    }

    private static void requireText(String value, String attribute) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException(attribute + " is required");
        }
    }
}
