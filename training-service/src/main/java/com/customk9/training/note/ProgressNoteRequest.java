package com.customk9.training.note;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A new progress note: its text, a rating from 1 to 5 (optional), its day (today unless given, never in the future), and optionally the dog's plan it is about. */
public record ProgressNoteRequest(
        @NotBlank @Size(max = 4000) String note,
        @Min(1) @Max(5) Integer rating,
        @PastOrPresent LocalDate date,
        @JsonProperty("plan_id") Long planId) {
}
