package com.customk9.training.plan;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A new exercise. Without a {@code sequence} it goes after the plan's others (in the order given);
 * it starts not completed (completing is {@code POST .../complete}).
 */
public record ExerciseRequest(
        @NotBlank @Size(max = 128) String name,
        @Size(max = 4000) String description,
        @Min(0) @Max(100_000) Integer sequence,
        @JsonProperty("duration_minutes") @Min(1) @Max(1440) Integer durationMinutes,
        @Min(1) @Max(1000) Integer repetitions) {

    /** The Odoo values, with {@code defaultSequence} when none was given. */
    Map<String, Object> odooValues(int defaultSequence) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", name.trim());
        values.put("sequence", sequence == null ? defaultSequence : sequence);
        PlanValues.put(values, "description", description);
        PlanValues.put(values, "duration_minutes", durationMinutes);
        PlanValues.put(values, "repetitions", repetitions);
        return values;
    }
}
