package com.customk9.training.plan;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Every exercise of a plan, each once, in the order they are to be done. */
public record ExerciseOrder(
        @JsonProperty("exercise_ids") @NotNull @Size(max = PlanValues.MAX_EXERCISES) List<@NotNull Long> exerciseIds) {
}
