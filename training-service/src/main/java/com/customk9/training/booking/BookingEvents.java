package com.customk9.training.booking;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.training.event.TrainingEvents;

import io.smallrye.mutiny.Uni;

/** What happens to service bookings, on {@code customk9.training.events} with subject {@code booking:<id>}. */
@ApplicationScoped
public class BookingEvents {

    public static final String CREATED = "com.customk9.training.booking.created";
    public static final String CANCELLED = "com.customk9.training.booking.cancelled";

    private final TrainingEvents events;

    public BookingEvents(TrainingEvents events) {
        this.events = events;
    }

    Uni<Void> created(Booking booking) {
        return events.publish(CREATED, "booking:" + booking.id(), Map.of("booking", booking));
    }

    Uni<Void> cancelled(Booking booking) {
        return events.publish(CANCELLED, "booking:" + booking.id(), Map.of("booking", booking));
    }
}
