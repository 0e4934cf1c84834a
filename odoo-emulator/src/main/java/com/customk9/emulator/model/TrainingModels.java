package com.customk9.emulator.model;

import static com.customk9.emulator.model.FieldDef.binary;
import static com.customk9.emulator.model.FieldDef.bool;
import static com.customk9.emulator.model.FieldDef.chars;
import static com.customk9.emulator.model.FieldDef.date;
import static com.customk9.emulator.model.FieldDef.floating;
import static com.customk9.emulator.model.FieldDef.integer;
import static com.customk9.emulator.model.FieldDef.many2one;
import static com.customk9.emulator.model.FieldDef.one2many;
import static com.customk9.emulator.model.FieldDef.selection;
import static com.customk9.emulator.model.FieldDef.text;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The CustomK9 module (seed 000): dogs, training plans with exercises, progress notes. Field names follow
 * seed 000 ({@code owner_id}, {@code training_level}, {@code objectives}, {@code completed},
 * {@code completion_date}, {@code note}, {@code rating}).
 */
final class TrainingModels {

    static final String DOG = "customk9.dog";
    static final String PLAN = "customk9.training.plan";
    static final String EXERCISE = "customk9.training.exercise";
    static final String NOTE = "customk9.progress.note";

    private TrainingModels() {
    }

    static void define(ModelRegistry registry) {
        registry.add(new ModelDef(DOG, "Dog").order("name, id").fields(
                chars("name", "Name").required(),
                chars("breed", "Breed"),
                date("birth_date", "Date of Birth"),
                integer("age", "Age (years)").help("Computed from the date of birth when it is set."),
                selection("gender", "Gender", "male", "Male", "female", "Female"),
                floating("weight", "Weight (kg)"),
                many2one("owner_id", "res.partner", "Owner").required(),
                many2one("trainer_id", "res.users", "Trainer"),
                selection("training_level", "Training Level", "beginner", "Beginner", "intermediate", "Intermediate",
                        "advanced", "Advanced").required().defaultValue("beginner"),
                text("notes", "Notes"),
                binary("image_1920", "Photo"),
                bool("active", "Active").defaultValue(true),
                one2many("plan_ids", PLAN, "dog_id", "Training Plans"),
                one2many("progress_note_ids", NOTE, "dog_id", "Progress Notes"),
                integer("plan_count", "Plan Count").computed((records, dog) ->
                        (long) records.referencing(PLAN, "dog_id", (Long) dog.get("id")).size()))
                .check((records, dog) -> Related.number(dog.get("weight")) < 0
                        ? "The weight of a dog cannot be negative." : null)
                .check((records, dog) -> dog.get("age") instanceof Long age && age < 0
                        ? "The age of a dog cannot be negative." : null)
                .check((records, dog) -> dog.get("birth_date") instanceof String born
                        && DateFormats.parseDate(born).isAfter(LocalDate.now().plusDays(1))
                        ? "The date of birth cannot be in the future." : null));

        registry.add(new ModelDef(PLAN, "Training Plan").order("start_date desc, id desc").fields(
                chars("name", "Name").required(),
                many2one("dog_id", DOG, "Dog").required().cascade(),
                many2one("owner_id", "res.partner", "Owner")
                        .computedStored(Related.through(PLAN, "dog_id", DOG, "owner_id")),
                many2one("trainer_id", "res.users", "Trainer").defaultValue(DefaultContext::uid),
                date("start_date", "Start Date").defaultValue(context -> DateFormats.date(context.today())),
                date("end_date", "End Date"),
                text("objectives", "Objectives"),
                selection("state", "Status", "draft", "Draft", "active", "In Progress", "done", "Completed",
                        "cancelled", "Cancelled").required().defaultValue("draft"),
                one2many("exercise_ids", EXERCISE, "plan_id", "Exercises"),
                integer("exercise_count", "Exercises").computed((records, plan) ->
                        (long) exercises(records, plan).size()),
                floating("progress", "Progress (%)").computedStored((records, plan) -> {
                    List<Long> exercises = exercises(records, plan);
                    if (exercises.isEmpty()) {
                        return 0.0;
                    }
                    long done = exercises.stream()
                            .filter(id -> Related.truthy(records.record(EXERCISE, id).get("completed")))
                            .count();
                    return Math.round(10000.0 * done / exercises.size()) / 100.0;
                }),
                bool("active", "Active").defaultValue(true))
                .check((records, plan) -> plan.get("start_date") instanceof String start
                        && plan.get("end_date") instanceof String end && end.compareTo(start) < 0
                        ? "The end date of a training plan cannot be before its start date." : null));

        registry.add(new ModelDef(EXERCISE, "Training Exercise").order("sequence, id").fields(
                chars("name", "Name").required(),
                many2one("plan_id", PLAN, "Training Plan").required().cascade(),
                many2one("dog_id", DOG, "Dog").computedStored(Related.through(EXERCISE, "plan_id", PLAN, "dog_id")),
                integer("sequence", "Sequence").defaultValue(10L),
                text("description", "Description"),
                integer("duration_minutes", "Duration (minutes)"),
                integer("repetitions", "Repetitions"),
                bool("completed", "Completed").defaultValue(false),
                date("completion_date", "Completion Date")));

        registry.add(new ModelDef(NOTE, "Progress Note").order("date desc, id desc").fields(
                many2one("dog_id", DOG, "Dog").required().cascade(),
                many2one("plan_id", PLAN, "Training Plan"),
                many2one("trainer_id", "res.users", "Author").defaultValue(DefaultContext::uid),
                date("date", "Date").required().defaultValue(context -> DateFormats.date(context.today())),
                text("note", "Note").required(),
                integer("rating", "Rating").help("From 1 (needs work) to 5 (excellent)."))
                .check((records, note) -> note.get("rating") instanceof Long rating && rating != 0
                        && (rating < 1 || rating > 5) ? "The rating must be between 1 and 5." : null));
    }

    @SuppressWarnings("unchecked")
    private static List<Long> exercises(RecordAccess records, Map<String, Object> plan) {
        return (List<Long>) records.value(PLAN, plan, "exercise_ids");
    }
}
