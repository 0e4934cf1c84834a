package com.customk9.training;

/**
 * Worked request bodies for the OpenAPI document, one per operation that takes a JSON body. Annotations
 * need compile-time constants, so they live here as text; {@code OpenApiTest} checks that each one is
 * valid JSON that names only fields of its operation's schema.
 */
public final class OpenApiExamples {

    public static final String DOG = """
            {"name": "Rex", "breed": "German Shepherd", "birth_date": "2022-03-14", "gender": "male",
             "weight": 32.5, "training_level": "beginner", "notes": "Pulls on the lead"}""";

    public static final String DOG_PATCH = """
            {"training_level": "intermediate", "weight": 33.1}""";

    public static final String PLAN = """
            {"dog_id": 7, "name": "Loose-lead walking", "start_date": "2026-12-01", "end_date": "2027-01-31",
             "objectives": "Walk on a loose lead past other dogs", "state": "active",
             "exercises": [
               {"name": "Heel position", "description": "Reward at the left knee", "duration_minutes": 10, "repetitions": 5},
               {"name": "Direction changes", "duration_minutes": 15}
             ]}""";

    public static final String PLAN_PATCH = """
            {"name": "Loose-lead walking, part 2",
             "exercises": {"add": [{"name": "Passing a dog", "duration_minutes": 10}],
                           "update": [{"id": 41, "repetitions": 8}],
                           "remove": [42]}}""";

    public static final String EXERCISE = """
            {"name": "Sit-stay at the door", "description": "Build up to 30 seconds", "sequence": 30,
             "duration_minutes": 5, "repetitions": 10}""";

    public static final String EXERCISE_PATCH = """
            {"repetitions": 12, "description": "Build up to 45 seconds"}""";

    public static final String EXERCISE_ORDER = """
            {"exercise_ids": [43, 41, 42]}""";

    public static final String COMPLETION = """
            {"completion_date": "2026-12-03"}""";

    public static final String PROGRESS_NOTE = """
            {"note": "Walked past two dogs without pulling", "rating": 4, "date": "2026-12-03", "plan_id": 12}""";

    public static final String APPOINTMENT = """
            {"trainer_id": 5, "dog_id": 7, "start": "2026-12-08T10:00:00Z", "duration": 60,
             "notes": "First session on loose-lead walking"}""";

    public static final String RESCHEDULE = """
            {"start": "2026-12-09T14:30:00Z", "duration": 60}""";

    public static final String BOOKING = """
            {"name": "Behaviour assessment", "description": "Reactive to bicycles", "dog_id": 7, "service_id": 3}""";

    private OpenApiExamples() {
    }
}
