package com.customk9.training.appointment;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.training.event.TrainingEvents;

import io.smallrye.mutiny.Uni;

/** What happens to appointments, on {@code customk9.training.events} with subject {@code appointment:<id>}. */
@ApplicationScoped
public class AppointmentEvents {

    public static final String BOOKED = "com.customk9.training.appointment.booked";
    public static final String MOVED = "com.customk9.training.appointment.moved";
    public static final String CANCELLED = "com.customk9.training.appointment.cancelled";

    private final TrainingEvents events;

    public AppointmentEvents(TrainingEvents events) {
        this.events = events;
    }

    Uni<Void> booked(Appointment appointment) {
        return events.publish(BOOKED, subject(appointment), Map.of("appointment", appointment));
    }

    Uni<Void> moved(Appointment appointment, Slot previous) {
        return events.publish(MOVED, subject(appointment), Map.of("appointment", appointment,
                "previous", Map.of("start", previous.start().toString(), "stop", previous.stop().toString())));
    }

    Uni<Void> cancelled(Appointment appointment) {
        return events.publish(CANCELLED, subject(appointment), Map.of("appointment", appointment));
    }

    private static String subject(Appointment appointment) {
        return "appointment:" + appointment.id();
    }
}
