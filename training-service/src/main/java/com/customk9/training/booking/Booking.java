package com.customk9.training.booking;

import java.time.Instant;
import java.time.ZoneOffset;

import com.customk9.odoo.client.record.OdooRecord;
import com.customk9.training.OdooHtml;
import com.customk9.training.dog.Dog.Ref;
import com.customk9.training.invoice.Invoice;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A service request as the client area shows it (helpdesk.ticket): what for, which dog, which priced
 * service, where it stands (the helpdesk stage), and the invoice it made, if any.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Booking(
        long id,
        String name,
        String description,
        Ref dog,
        Ref service,
        Ref stage,
        boolean cancelled,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("closed_at") Instant closedAt,
        Invoice invoice) {

    static final String[] FIELDS = { "name", "description", "dog_id", "product_id", "stage_id", "create_date",
            "close_date" };

    /** What an invoice made for this booking names as its origin ({@code invoice_origin}). */
    static String origin(long id) {
        return "Ticket #" + id;
    }

    static Booking of(OdooRecord record, String cancelledStage, Invoice invoice) {
        Ref stage = ref(record, "stage_id");
        return new Booking(record.id(), record.text("name"), OdooHtml.toText(record.string("description").orElse(null)),
                ref(record, "dog_id"), ref(record, "product_id"), stage,
                stage != null && cancelledStage.equalsIgnoreCase(stage.name()), instant(record, "create_date"),
                instant(record, "close_date"), invoice);
    }

    private static Ref ref(OdooRecord record, String field) {
        return record.many2one(field).map(value -> new Ref(value.id(), value.displayName())).orElse(null);
    }

    private static Instant instant(OdooRecord record, String field) {
        return record.dateTime(field).map(time -> time.toInstant(ZoneOffset.UTC)).orElse(null);
    }
}
