package com.customk9.training.note;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.odoo.client.OdooClient;
import com.customk9.odoo.client.domain.Domain;
import com.customk9.odoo.client.record.SearchQuery;
import com.customk9.platform.error.ApiException;
import com.customk9.training.Page;
import com.customk9.training.caller.Caller;
import com.customk9.training.dog.Dog;
import com.customk9.training.dog.DogService;
import com.customk9.training.event.TrainingEvents;
import com.customk9.training.plan.PlanService;

import io.smallrye.mutiny.Uni;

/**
 * A dog's progress notes (customk9.progress.note). Whoever sees the dog reads its history and adds to
 * it: its owner and its trainer; any other dog is a 404. The author is always the caller.
 */
@ApplicationScoped
public class ProgressNoteService {

    static final String MODEL = "customk9.progress.note";

    private final OdooClient odoo;
    private final DogService dogs;
    private final TrainingEvents events;
    private final Clock clock;

    public ProgressNoteService(OdooClient odoo, DogService dogs, TrainingEvents events, Clock clock) {
        this.odoo = odoo;
        this.dogs = dogs;
        this.events = events;
        this.clock = clock;
    }

    /** The dog's notes, newest first; only those about one plan when {@code planId} is given. */
    public Uni<Page<ProgressNote>> history(Caller caller, long dogId, Long planId, int limit, int offset) {
        Domain domain = planId == null ? Domain.where("dog_id", "=", dogId)
                : Domain.where("dog_id", "=", dogId).and("plan_id", "=", planId);
        return dogs.get(caller, dogId)
                .chain(dog -> odoo.searchRead(MODEL, SearchQuery.where(domain).fields(ProgressNote.FIELDS)
                        .orderBy("date desc, id desc").limit(limit).offset(offset)))
                .chain(records -> odoo.searchCount(MODEL, domain).map(total -> new Page<>(
                        records.stream().map(ProgressNote::of).toList(), total, limit, offset)));
    }

    public Uni<ProgressNote> get(Caller caller, long dogId, long id) {
        return dogs.get(caller, dogId).chain(dog -> note(dog, id));
    }

    /** A new note on the dog by the caller; a plan it names must be one of the dog's. */
    public Uni<ProgressNote> add(Caller caller, long dogId, ProgressNoteRequest request) {
        return dogs.get(caller, dogId)
                .call(dog -> request.planId() == null ? Uni.createFrom().voidItem() : requirePlanOf(dog, request.planId()))
                .chain(dog -> {
                    Map<String, Object> values = new LinkedHashMap<>();
                    values.put("dog_id", dog.id());
                    values.put("trainer_id", caller.userId());
                    values.put("date", (request.date() != null ? request.date() : LocalDate.now(clock)).toString());
                    values.put("note", request.note().strip());
                    if (request.rating() != null) {
                        values.put("rating", request.rating());
                    }
                    if (request.planId() != null) {
                        values.put("plan_id", request.planId());
                    }
                    return odoo.create(MODEL, values).chain(id -> note(dog, id));
                })
                .call(events::progressNoteAdded);
    }

    private Uni<Void> requirePlanOf(Dog dog, long planId) {
        return odoo.searchCount(PlanService.MODEL, Domain.where("id", "=", planId).and("dog_id", "=", dog.id()))
                .invoke(count -> {
                    if (count == 0) {
                        throw ApiException.invalid("plan_id", "must be a training plan of this dog");
                    }
                })
                .replaceWithVoid();
    }

    private Uni<ProgressNote> note(Dog dog, long id) {
        return odoo.searchRead(MODEL, SearchQuery.where(Domain.where("id", "=", id).and("dog_id", "=", dog.id()))
                .fields(ProgressNote.FIELDS).limit(1))
                .map(records -> {
                    if (records.isEmpty()) {
                        throw ApiException.notFound("progress note", id);
                    }
                    return ProgressNote.of(records.get(0));
                });
    }
}
