package com.customk9.training.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.odoo.client.OdooClient;
import com.customk9.odoo.client.domain.Domain;
import com.customk9.odoo.client.record.OdooRecord;
import com.customk9.odoo.client.record.SearchQuery;
import com.customk9.platform.error.ApiException;
import com.customk9.training.Page;
import com.customk9.training.caller.Caller;
import com.customk9.training.dog.Dog;
import com.customk9.training.dog.DogService;
import com.customk9.training.event.TrainingEvents;
import com.customk9.training.plan.PlanPatch.ExerciseChanges;

import io.smallrye.mutiny.Uni;

/**
 * Training plans and their exercises in Odoo, inside the caller's scope: a plan exists for the caller
 * when its dog does ({@link DogService#scopeThrough}); any other is a 404, whatever its id.
 * <ul>
 * <li>Reading, and marking exercises completed or not: anyone who sees the plan, i.e. the dog's owner
 * (seed 000 has the client record their own progress) and the dog's trainer.</li>
 * <li>Creating and changing plans and their exercises: only the dog's trainer (staff whose user is the
 * dog's {@code trainer_id}); the owner gets a 403.</li>
 * </ul>
 * A plan and all its exercise changes go to Odoo in one create or write, with x2many commands on
 * {@code exercise_ids}; Odoo recomputes the plan's {@code progress} itself.
 */
@ApplicationScoped
public class PlanService {

    public static final String MODEL = "customk9.training.plan";
    static final String EXERCISE_MODEL = "customk9.training.exercise";

    private final OdooClient odoo;
    private final DogService dogs;
    private final TrainingEvents events;
    private final Clock clock;

    public PlanService(OdooClient odoo, DogService dogs, TrainingEvents events, Clock clock) {
        this.odoo = odoo;
        this.dogs = dogs;
        this.events = events;
        this.clock = clock;
    }

    /** Which plans the caller may see: those of the dogs they may see. */
    public static Domain scope(Caller caller) {
        return DogService.scopeThrough(caller, "dog_id");
    }

    /** A page of the caller's plans, newest start first; of one dog and in one state when asked. */
    public Uni<Page<Plan>> list(Caller caller, Long dogId, String state, int limit, int offset) {
        Domain domain = scope(caller);
        domain = dogId == null ? domain : domain.and("dog_id", "=", dogId);
        domain = state == null ? domain : domain.and("state", "=", state);
        Domain listed = domain;
        return odoo.searchRead(MODEL, SearchQuery.where(listed).fields(Plan.FIELDS).orderBy("start_date desc, id desc")
                .limit(limit).offset(offset))
                .chain(records -> odoo.searchCount(MODEL, listed).map(total -> new Page<>(
                        records.stream().map(record -> Plan.of(record, null)).toList(), total, limit, offset)));
    }

    /** The plans of one dog the caller may see (404 for any other dog). */
    public Uni<Page<Plan>> listOfDog(Caller caller, long dogId, String state, int limit, int offset) {
        return dogs.get(caller, dogId).chain(dog -> list(caller, dogId, state, limit, offset));
    }

    /** The plan with its exercises in order. */
    public Uni<Plan> get(Caller caller, long id) {
        return record(caller, id).chain(this::withExercises);
    }

    /** A new plan with its exercises, in one Odoo create; the caller is its trainer. */
    public Uni<Plan> create(Caller caller, PlanRequest request) {
        LocalDate start = request.startDate() != null ? request.startDate() : LocalDate.now(clock);
        requireOrderedDates(start, request.endDate());
        return dogs.get(caller, request.dogId()).chain(dog -> {
            requireTrainer(caller, dog);
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("name", request.name().trim());
            values.put("dog_id", dog.id());
            values.put("trainer_id", caller.userId());
            values.put("start_date", start.toString());
            PlanValues.put(values, "end_date", request.endDate() == null ? null : request.endDate().toString());
            PlanValues.put(values, "objectives", request.objectives());
            PlanValues.put(values, "state", request.state());
            List<ExerciseRequest> exercises = request.exercisesOrNone();
            if (!exercises.isEmpty()) {
                List<Object> commands = new ArrayList<>(exercises.size());
                for (int i = 0; i < exercises.size(); i++) {
                    commands.add(PlanValues.create(exercises.get(i).odooValues((i + 1) * PlanValues.SEQUENCE_STEP)));
                }
                values.put("exercise_ids", commands);
            }
            return odoo.create(MODEL, values)
                    // the dog's plan_count changed
                    .call(() -> odoo.invalidate(DogService.MODEL, dog.id()));
        })
                .chain(id -> get(caller, id))
                .call(events::planCreated);
    }

    /** Changes the plan's fields and exercises in one Odoo write. */
    public Uni<Plan> update(Caller caller, long id, PlanPatch patch) {
        requireOrderedDates(patch.startDate(), patch.endDate());
        return editable(caller, id).chain(plan -> apply(caller, plan, patch));
    }

    /** Puts the plan's exercises in the given order (their {@code sequence} 10, 20...), in one Odoo write. */
    public Uni<Plan> reorder(Caller caller, long id, List<Long> order) {
        return editable(caller, id).chain(plan -> {
            List<Long> current = plan.ids("exercise_ids");
            if (order.size() != current.size() || !new HashSet<>(order).equals(new HashSet<>(current))) {
                throw ApiException.invalid("exercise_ids", "must list every exercise of the plan exactly once");
            }
            List<ExercisePatch> sequences = new ArrayList<>(order.size());
            for (int i = 0; i < order.size(); i++) {
                sequences.add(ExercisePatch.sequence(order.get(i), (i + 1) * PlanValues.SEQUENCE_STEP));
            }
            return apply(caller, plan, PlanPatch.of(new ExerciseChanges(null, sequences, null)));
        });
    }

    /**
     * Marks an exercise completed on {@code date} (today when null). Completing a completed exercise again
     * without a date changes nothing.
     */
    public Uni<Plan> complete(Caller caller, long planId, long exerciseId, LocalDate date) {
        return record(caller, planId).chain(plan -> withExercises(plan).chain(current -> {
            Exercise exercise = exerciseOf(current, exerciseId);
            if (exercise.completed() && (date == null || date.equals(exercise.completionDate()))) {
                return Uni.createFrom().item(current);
            }
            LocalDate day = date != null ? date : LocalDate.now(clock);
            return track(caller, current, exerciseId, Map.of("completed", true, "completion_date", day.toString()))
                    .call(updated -> events.exerciseCompleted(updated, exerciseId, day));
        }));
    }

    /** Marks an exercise not completed (and forgets its completion date). */
    public Uni<Plan> reopen(Caller caller, long planId, long exerciseId) {
        return record(caller, planId).chain(plan -> withExercises(plan).chain(current -> {
            if (!exerciseOf(current, exerciseId).completed()) {
                return Uni.createFrom().item(current);
            }
            return track(caller, current, exerciseId, Map.of("completed", false, "completion_date", false))
                    .call(updated -> events.exerciseReopened(updated, exerciseId));
        }));
    }

    private Uni<Plan> track(Caller caller, Plan plan, long exerciseId, Map<String, Object> values) {
        return odoo.write(EXERCISE_MODEL, List.of(exerciseId), values)
                // the client dropped the exercise's cached reads; the plan's progress changed with it
                .call(() -> odoo.invalidate(MODEL, plan.id()))
                .chain(() -> get(caller, plan.id()));
    }

    private Uni<Plan> apply(Caller caller, OdooRecord plan, PlanPatch patch) {
        LocalDate start = patch.startDate() != null ? patch.startDate() : plan.date("start_date").orElse(null);
        LocalDate end = patch.endDate() != null ? patch.endDate() : plan.date("end_date").orElse(null);
        requireOrderedDates(start, end);
        ExerciseChanges changes = patch.exerciseChanges();
        requireExercisesOf(plan, changes);

        Map<String, Object> values = new LinkedHashMap<>();
        PlanValues.put(values, "name", patch.name() == null ? null : patch.name().trim());
        PlanValues.put(values, "start_date", patch.startDate() == null ? null : patch.startDate().toString());
        PlanValues.put(values, "end_date", patch.endDate() == null ? null : patch.endDate().toString());
        PlanValues.put(values, "objectives", patch.objectives());
        PlanValues.put(values, "state", patch.state());

        Uni<Integer> nextSequence = changes.added().stream().anyMatch(added -> added.sequence() == null)
                ? lastSequence(plan).map(last -> last + PlanValues.SEQUENCE_STEP)
                : Uni.createFrom().item(PlanValues.SEQUENCE_STEP);
        return nextSequence.chain(first -> {
            List<Object> commands = new ArrayList<>();
            for (int i = 0; i < changes.added().size(); i++) {
                commands.add(PlanValues.create(changes.added().get(i).odooValues(first + i * PlanValues.SEQUENCE_STEP)));
            }
            for (ExercisePatch update : changes.updated()) {
                Map<String, Object> exerciseValues = update.odooValues();
                if (!exerciseValues.isEmpty()) {
                    commands.add(PlanValues.update(update.id(), exerciseValues));
                }
            }
            new LinkedHashSet<>(changes.removed()).forEach(removed -> commands.add(PlanValues.delete(removed)));
            if (!commands.isEmpty()) {
                values.put("exercise_ids", commands);
            }
            if (values.isEmpty()) {
                return withExercises(plan);
            }
            return odoo.write(MODEL, List.of(plan.id()), values)
                    // the client dropped the plan's cached reads; the exercises it changed are cached too
                    .call(() -> commands.isEmpty() ? Uni.createFrom().voidItem() : odoo.invalidateModel(EXERCISE_MODEL))
                    .chain(() -> get(caller, plan.id()))
                    .call(updated -> events.planUpdated(updated, changedFields(values.keySet())));
        });
    }

    /** Exercises named by an update or removal belong to the plan, and the plan stays within its limit. */
    private static void requireExercisesOf(OdooRecord plan, ExerciseChanges changes) {
        Set<Long> current = new HashSet<>(plan.ids("exercise_ids"));
        for (int i = 0; i < changes.updated().size(); i++) {
            Long id = changes.updated().get(i).id();
            if (id == null) {
                throw ApiException.invalid("exercises.update[" + i + "].id", "must not be null");
            }
            if (!current.contains(id)) {
                throw ApiException.notFound("exercise", id);
            }
        }
        Set<Long> removed = new HashSet<>(changes.removed());
        for (Long id : removed) {
            if (!current.contains(id)) {
                throw ApiException.notFound("exercise", id);
            }
        }
        if (current.size() - removed.size() + changes.added().size() > PlanValues.MAX_EXERCISES) {
            throw ApiException.invalid("exercises",
                    "a plan has at most " + PlanValues.MAX_EXERCISES + " exercises");
        }
    }

    private static void requireOrderedDates(LocalDate start, LocalDate end) {
        if (start != null && end != null && end.isBefore(start)) {
            throw ApiException.invalid("end_date", "must not be before start_date");
        }
    }

    private static void requireTrainer(Caller caller, Dog dog) {
        if (!dog.isTrainedBy(caller)) {
            throw notTheTrainer();
        }
    }

    private static ApiException notTheTrainer() {
        return ApiException.forbidden("Only the dog's trainer can create or change its training plans");
    }

    /** The plan, if the caller may change it: 404 when they cannot see it, 403 when they may only read it. */
    private Uni<OdooRecord> editable(Caller caller, long id) {
        return record(caller, id).call(plan -> caller.isStaff()
                ? dogs.get(caller, plan.many2oneId("dog_id").orElseThrow()).invoke(dog -> requireTrainer(caller, dog))
                : Uni.createFrom().failure(notTheTrainer()));
    }

    private Uni<OdooRecord> record(Caller caller, long id) {
        return odoo.searchRead(MODEL, SearchQuery.where(Domain.where("id", "=", id).and(scope(caller)))
                .fields(Plan.FIELDS).limit(1))
                .map(records -> {
                    if (records.isEmpty()) {
                        throw ApiException.notFound("training plan", id);
                    }
                    return records.get(0);
                });
    }

    private Uni<Plan> withExercises(OdooRecord plan) {
        if (plan.ids("exercise_ids").isEmpty()) {
            return Uni.createFrom().item(Plan.of(plan, List.of()));
        }
        return odoo.searchRead(EXERCISE_MODEL, SearchQuery.where(Domain.where("plan_id", "=", plan.id()))
                .fields(Exercise.FIELDS).orderBy("sequence, id"))
                .map(records -> Plan.of(plan, records.stream().map(Exercise::of).toList()));
    }

    private Uni<Integer> lastSequence(OdooRecord plan) {
        return withExercises(plan).map(current -> current.exercises().stream().mapToInt(Exercise::sequence).max()
                .orElse(0));
    }

    private static Exercise exerciseOf(Plan plan, long exerciseId) {
        return plan.exercises().stream().filter(exercise -> exercise.id() == exerciseId).findFirst()
                .orElseThrow(() -> ApiException.notFound("exercise", exerciseId));
    }

    private static List<String> changedFields(Collection<String> odooFields) {
        return odooFields.stream().map(field -> field.equals("exercise_ids") ? "exercises" : field).toList();
    }
}
