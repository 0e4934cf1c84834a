package com.customk9.training.plan;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Fields of a plan to change (those left out stay) and changes to its exercises, all written in one
 * Odoo call: {@code exercises.add} new ones, {@code exercises.update} by id (a new {@code sequence}
 * reorders), {@code exercises.remove} ids.
 */
public record PlanPatch(
        @Size(min = 1, max = 128) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
        @JsonProperty("start_date") LocalDate startDate,
        @JsonProperty("end_date") LocalDate endDate,
        @Size(max = 4000) String objectives,
        @Pattern(regexp = Plan.STATES, message = Plan.STATES_MESSAGE) String state,
        @Valid ExerciseChanges exercises) {

    public record ExerciseChanges(
            @Size(max = PlanValues.MAX_EXERCISES) List<@Valid @NotNull ExerciseRequest> add,
            @Size(max = PlanValues.MAX_EXERCISES) List<@Valid @NotNull ExercisePatch> update,
            @Size(max = PlanValues.MAX_EXERCISES) List<@NotNull Long> remove) {

        List<ExerciseRequest> added() {
            return add == null ? List.of() : add;
        }

        List<ExercisePatch> updated() {
            return update == null ? List.of() : update;
        }

        List<Long> removed() {
            return remove == null ? List.of() : remove;
        }
    }

    static PlanPatch of(ExerciseChanges exercises) {
        return new PlanPatch(null, null, null, null, null, exercises);
    }

    ExerciseChanges exerciseChanges() {
        return exercises == null ? new ExerciseChanges(null, null, null) : exercises;
    }
}
