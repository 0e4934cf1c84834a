package com.customk9.training.plan;

import java.util.List;
import java.util.Map;

/**
 * Plan and exercise values as Odoo writes them, and the x2many commands that change a plan's
 * {@code exercise_ids} inside the plan's own create or write (Odoo's {@code Command.create},
 * {@code Command.update}, {@code Command.delete}): one Odoo call however many exercises change.
 */
final class PlanValues {

    static final int MAX_EXERCISES = 100;
    /** Gap between the sequences we give, so an exercise can later go between two others. */
    static final int SEQUENCE_STEP = 10;

    private PlanValues() {
    }

    static void put(Map<String, Object> values, String field, Object value) {
        if (value != null) {
            values.put(field, value);
        }
    }

    /** {@code (0, 0, values)}: a new exercise linked to the plan. */
    static List<Object> create(Map<String, Object> values) {
        return List.of(0, 0, values);
    }

    /** {@code (1, id, values)}: changes an exercise of the plan. */
    static List<Object> update(long id, Map<String, Object> values) {
        return List.of(1, id, values);
    }

    /** {@code (2, id, 0)}: deletes an exercise of the plan. */
    static List<Object> delete(long id) {
        return List.of(2, id, 0);
    }
}
