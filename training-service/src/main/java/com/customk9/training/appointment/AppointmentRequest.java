package com.customk9.training.appointment;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A session to book: with which trainer (their Odoo user id), for which of my dogs, from when
 * (ISO 8601 with an offset, in the future) and for how long: {@code duration} in minutes (15 to 240) or
 * a {@code stop}.
 */
public record AppointmentRequest(
        @JsonProperty("trainer_id") @NotNull @Positive Long trainerId,
        @JsonProperty("dog_id") @NotNull @Positive Long dogId,
        @NotNull @Future OffsetDateTime start,
        @Min(Slot.MIN_MINUTES) @Max(Slot.MAX_MINUTES) Integer duration,
        OffsetDateTime stop,
        @Size(max = 2000) String notes) {

    Slot slot() {
        return Slot.of(start, duration, stop, null);
    }
}
