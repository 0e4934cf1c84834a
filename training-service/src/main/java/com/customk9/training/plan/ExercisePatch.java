package com.customk9.training.plan;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Fields of an exercise to change; those left out stay. {@code id} names the exercise inside a plan's
 * PATCH ({@code exercises.update}); on {@code PATCH .../exercises/{exerciseId}} the path names it.
 */
public record ExercisePatch(
        Long id,
        @Size(min = 1, max = 128) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
        @Size(max = 4000) String description,
        @Min(0) @Max(100_000) Integer sequence,
        @JsonProperty("duration_minutes") @Min(1) @Max(1440) Integer durationMinutes,
        @Min(1) @Max(1000) Integer repetitions) {

    static ExercisePatch sequence(long id, int sequence) {
        return new ExercisePatch(id, null, null, sequence, null, null);
    }

    ExercisePatch withId(long exerciseId) {
        return new ExercisePatch(exerciseId, name, description, sequence, durationMinutes, repetitions);
    }

    Map<String, Object> odooValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        PlanValues.put(values, "name", name == null ? null : name.trim());
        PlanValues.put(values, "description", description);
        PlanValues.put(values, "sequence", sequence);
        PlanValues.put(values, "duration_minutes", durationMinutes);
        PlanValues.put(values, "repetitions", repetitions);
        return values;
    }
}
