package com.customk9.training.appointment;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.customk9.training.dog.Dog.Ref;

/** A trainer's free start times on one day, within working hours, as times in {@code zone}. */
public record Availability(Ref trainer, LocalDate date, String zone, int duration, List<FreeSlot> slots) {

    public record FreeSlot(OffsetDateTime start, OffsetDateTime stop) {
    }
}
