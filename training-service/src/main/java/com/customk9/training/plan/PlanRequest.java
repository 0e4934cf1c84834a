package com.customk9.training.plan;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A new training plan for a dog, with its exercises (at most {@value PlanValues#MAX_EXERCISES}), created in
 * one Odoo call. Starts today unless {@code start_date} says otherwise; the end, when given, is not
 * before the start; the state defaults to draft.
 */
public record PlanRequest(
        @JsonProperty("dog_id") @NotNull Long dogId,
        @NotBlank @Size(max = 128) String name,
        @JsonProperty("start_date") LocalDate startDate,
        @JsonProperty("end_date") LocalDate endDate,
        @Size(max = 4000) String objectives,
        @Pattern(regexp = Plan.STATES, message = Plan.STATES_MESSAGE) String state,
        @Size(max = PlanValues.MAX_EXERCISES) List<@Valid @NotNull ExerciseRequest> exercises) {

    List<ExerciseRequest> exercisesOrNone() {
        return exercises == null ? List.of() : exercises;
    }
}
