package com.customk9.training.invoice;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.training.event.TrainingEvents;

import io.smallrye.mutiny.Uni;

/** Invoices this service made or changed, on {@code customk9.training.events} with subject {@code invoice:<id>}. */
@ApplicationScoped
public class InvoiceEvents {

    public static final String CREATED = "com.customk9.training.invoice.created";
    public static final String CANCELLED = "com.customk9.training.invoice.cancelled";

    private final TrainingEvents events;

    public InvoiceEvents(TrainingEvents events) {
        this.events = events;
    }

    Uni<Void> created(Invoice invoice, String origin) {
        return events.publish(CREATED, "invoice:" + invoice.id(), Map.of("invoice", invoice, "origin", origin));
    }

    Uni<Void> cancelled(Invoice invoice) {
        return events.publish(CANCELLED, "invoice:" + invoice.id(), Map.of("invoice", invoice));
    }
}
