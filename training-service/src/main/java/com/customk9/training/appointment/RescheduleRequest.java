package com.customk9.training.appointment;

import java.time.Duration;
import java.time.OffsetDateTime;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** When an appointment moves to: a new start, and a duration or a stop (otherwise it keeps its length). */
public record RescheduleRequest(
        @NotNull @Future OffsetDateTime start,
        @Min(Slot.MIN_MINUTES) @Max(Slot.MAX_MINUTES) Integer duration,
        OffsetDateTime stop) {

    Slot slot(Duration currentLength) {
        return Slot.of(start, duration, stop, currentLength);
    }
}
