package com.customk9.training.plan;

import java.time.LocalDate;

import jakarta.validation.constraints.PastOrPresent;

import com.fasterxml.jackson.annotation.JsonProperty;

/** When an exercise was completed: today when left out, never in the future. */
public record CompletionRequest(@JsonProperty("completion_date") @PastOrPresent LocalDate completionDate) {
}
