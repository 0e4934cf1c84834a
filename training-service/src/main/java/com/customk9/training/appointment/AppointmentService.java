package com.customk9.training.appointment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.odoo.client.OdooClient;
import com.customk9.odoo.client.domain.Domain;
import com.customk9.odoo.client.record.OdooRecord;
import com.customk9.odoo.client.record.SearchQuery;
import com.customk9.platform.error.ApiException;
import com.customk9.platform.error.ErrorCode;
import com.customk9.training.FieldProblems;
import com.customk9.training.OdooHtml;
import com.customk9.training.appointment.Availability.FreeSlot;
import com.customk9.training.appointment.Trainers.Trainer;
import com.customk9.training.caller.Caller;
import com.customk9.training.dog.Dog;
import com.customk9.training.dog.Dog.Ref;
import com.customk9.training.dog.MyDogs;

import io.smallrye.mutiny.Uni;

/**
 * Sessions with a trainer in Odoo's calendar (calendar.event), read and written as the integration user
 * inside the caller's scope: an event is the caller's when their partner is among its attendees
 * ({@code partner_ids}); any other id is a 404. A booked event has the trainer as organizer
 * ({@code user_id}), the trainer's partner and the caller's as attendees, and points at the dog
 * ({@code res_model}/{@code res_id}). A slot is taken when a busy event of the trainer or of the caller
 * overlaps it ({@code start < new stop and stop > new start}); the check and the write run under
 * {@link CalendarLocks}. Cancelling archives the event ({@code active = false}): see {@link #cancel}.
 */
@ApplicationScoped
public class AppointmentService {

    static final String MODEL = "calendar.event";

    private final OdooClient odoo;
    private final Trainers trainers;
    private final MyDogs dogs;
    private final CalendarLocks locks;
    private final AppointmentEvents events;
    private final AppointmentsConfig config;
    private final Clock clock;
    private final Optional<ZoneId> workingHoursZone;

    public AppointmentService(OdooClient odoo, Trainers trainers, MyDogs dogs, CalendarLocks locks,
            AppointmentEvents events, AppointmentsConfig config, Clock clock) {
        this.odoo = odoo;
        this.trainers = trainers;
        this.dogs = dogs;
        this.locks = locks;
        this.events = events;
        this.config = config;
        this.clock = clock;
        this.workingHoursZone = config.workingHours().zone().filter(zone -> !zone.isBlank()).map(ZoneId::of);
    }

    /** The events the caller attends. */
    static Domain attending(Caller caller) {
        return Domain.where("partner_ids", "in", List.of(caller.partnerId()));
    }

    /** The caller's appointments still to come, soonest first (cancelled ones left out). */
    public Uni<List<Appointment>> upcoming(Caller caller, int limit, int offset) {
        return odoo.searchRead(MODEL, SearchQuery.where(upcomingDomain(caller)).fields(Appointment.FIELDS)
                .orderBy("start, id").limit(limit).offset(offset))
                .chain(this::withDogs);
    }

    public Uni<Long> countUpcoming(Caller caller) {
        return odoo.searchCount(MODEL, upcomingDomain(caller));
    }

    private Domain upcomingDomain(Caller caller) {
        return attending(caller).and("start", ">", clock.instant());
    }

    /** One of the caller's appointments, past, future or cancelled; 404 for anyone else's. */
    public Uni<Appointment> get(Caller caller, long id) {
        return find(caller, id).chain(record -> withDogs(List.of(record))).map(found -> found.get(0));
    }

    /** Books a session: the trainer must be one, the dog the caller's, the slot free on both calendars. */
    public Uni<Appointment> book(Caller caller, AppointmentRequest request) {
        return Uni.createFrom().item(request::slot).chain(slot -> Uni.combine().all()
                .unis(trainers.find(request.trainerId()), dogs.active(caller, request.dogId())).asTuple()
                .chain(found -> {
                    FieldProblems problems = new FieldProblems();
                    if (found.getItem1().isEmpty()) {
                        problems.add("trainer_id", "is not a trainer");
                    }
                    if (found.getItem2().isEmpty()) {
                        problems.add("dog_id", "is not one of your dogs");
                    }
                    problems.throwIfAny();
                    Trainer trainer = found.getItem1().get();
                    Dog dog = found.getItem2().get();
                    Map<String, Object> values = new LinkedHashMap<>();
                    values.put("name", "Training session: " + dog.name());
                    values.put("start", slot.start());
                    values.put("stop", slot.stop());
                    values.put("user_id", trainer.userId());
                    values.put("partner_ids", List.of(List.of(6, 0,
                            List.copyOf(new LinkedHashSet<>(List.of(caller.partnerId(), trainer.partnerId()))))));
                    values.put("res_model", Appointment.DOG_MODEL);
                    values.put("res_id", dog.id());
                    values.put("show_as", "busy");
                    if (request.notes() != null && !request.notes().isBlank()) {
                        values.put("description", OdooHtml.fromText(request.notes()));
                    }
                    return locks.holding(List.of(trainer.partnerId(), caller.partnerId()),
                            () -> requireFree(slot, trainer.partnerId(), caller.partnerId(), null)
                                    .chain(() -> odoo.create(MODEL, values)));
                }))
                .chain(id -> get(caller, id))
                .call(events::booked);
    }

    /** Moves one of the caller's coming appointments; the new slot must be free, this event aside. */
    public Uni<Appointment> reschedule(Caller caller, long id, RescheduleRequest request) {
        return find(caller, id).chain(record -> {
            Slot previous = new Slot(Appointment.instant(record, "start"), Appointment.instant(record, "stop"));
            requireChangeable(record, previous);
            Slot slot = request.slot(previous.length());
            if (slot.equals(previous)) {
                return withDogs(List.of(record)).map(found -> found.get(0));
            }
            long trainerPartner = record.many2oneId("partner_id").orElse(caller.partnerId());
            Map<String, Object> values = Map.of("start", slot.start(), "stop", slot.stop());
            return locks.holding(List.of(trainerPartner, caller.partnerId()),
                    () -> requireFree(slot, trainerPartner, caller.partnerId(), id)
                            .chain(() -> odoo.write(MODEL, List.of(id), values)))
                    .chain(() -> get(caller, id))
                    .call(moved -> events.moved(moved, previous));
        });
    }

    /**
     * Cancels one of the caller's coming appointments by archiving the event ({@code active = false}), as
     * Odoo's calendar does for events it keeps in sync rather than deleting them: the trainer keeps the
     * history, an archived event leaves every calendar view and no longer blocks its slot. Cancelling a
     * cancelled appointment changes nothing.
     */
    public Uni<Void> cancel(Caller caller, long id) {
        return find(caller, id).chain(record -> {
            if (!record.bool("active")) {
                return Uni.createFrom().voidItem();
            }
            requireChangeable(record, new Slot(Appointment.instant(record, "start"), Appointment.instant(record, "stop")));
            return odoo.write(MODEL, List.of(id), Map.of("active", false))
                    .chain(() -> get(caller, id))
                    .call(events::cancelled)
                    .replaceWithVoid();
        });
    }

    /**
     * The start times on {@code date} at which the trainer is free for {@code minutes}: every
     * {@code slot-step} within working hours (in the configured zone, else the trainer's, else UTC),
     * in the future, overlapping none of the trainer's busy events.
     */
    public Uni<Availability> availability(long trainerId, LocalDate date, int minutes) {
        return trainers.find(trainerId).chain(found -> {
            Trainer trainer = found.orElseThrow(() -> ApiException.invalid("trainer_id", "is not a trainer"));
            ZoneId zone = workingHoursZone.or(trainer::zone).orElse(ZoneId.of("UTC"));
            ZonedDateTime open = ZonedDateTime.of(date, config.workingHours().start(), zone);
            ZonedDateTime close = ZonedDateTime.of(date, config.workingHours().end(), zone);
            Domain busy = Domain.where("partner_ids", "in", List.of(trainer.partnerId()))
                    .and("start", "<", close.toInstant()).and("stop", ">", open.toInstant()).and("show_as", "=", "busy");
            return odoo.searchRead(MODEL, SearchQuery.where(busy).fields("start", "stop").orderBy("start, id"))
                    .map(taken -> new Availability(new Ref(trainer.userId(), trainer.name()), date, zone.getId(),
                            minutes, freeSlots(open, close, Duration.ofMinutes(minutes), taken)));
        });
    }

    private List<FreeSlot> freeSlots(ZonedDateTime open, ZonedDateTime close, Duration length, List<OdooRecord> taken) {
        Duration step = config.workingHours().slotStep();
        if (step.isZero() || step.isNegative()) {
            throw new IllegalStateException("customk9.appointments.working-hours.slot-step must be positive");
        }
        List<Slot> busy = taken.stream()
                .map(event -> new Slot(Appointment.instant(event, "start"), Appointment.instant(event, "stop")))
                .toList();
        Instant now = clock.instant();
        List<FreeSlot> free = new ArrayList<>();
        for (ZonedDateTime start = open; !start.plus(length).isAfter(close); start = start.plus(step)) {
            ZonedDateTime stop = start.plus(length);
            Slot candidate = new Slot(start.toInstant(), stop.toInstant());
            if (candidate.start().isAfter(now) && busy.stream().noneMatch(event -> candidate.overlaps(event.start(), event.stop()))) {
                free.add(new FreeSlot(start.toOffsetDateTime(), stop.toOffsetDateTime()));
            }
        }
        return free;
    }

    private Uni<OdooRecord> find(Caller caller, long id) {
        return odoo.searchRead(MODEL, SearchQuery.where(Domain.where("id", "=", id).and(attending(caller))
                .and("active", "in", List.of(true, false))).fields(Appointment.FIELDS).limit(1))
                .map(records -> {
                    if (records.isEmpty()) {
                        throw ApiException.notFound("appointment", id);
                    }
                    return records.get(0);
                });
    }

    private void requireChangeable(OdooRecord record, Slot slot) {
        if (!record.bool("active")) {
            throw ApiException.conflict("This appointment was cancelled");
        }
        if (!slot.start().isAfter(clock.instant())) {
            throw ApiException.conflict("This appointment has already started");
        }
    }

    /** A 409 naming the first busy event of either calendar that overlaps {@code slot} (other than {@code except}). */
    private Uni<Void> requireFree(Slot slot, long trainerPartner, long clientPartner, Long except) {
        Domain overlapping = Domain.where("start", "<", slot.stop()).and("stop", ">", slot.start())
                .and("partner_ids", "in", List.copyOf(new LinkedHashSet<>(List.of(trainerPartner, clientPartner))))
                .and("show_as", "=", "busy");
        if (except != null) {
            overlapping = overlapping.and("id", "!=", except);
        }
        return odoo.searchRead(MODEL, SearchQuery.where(overlapping).fields("start", "stop", "partner_ids")
                .orderBy("start, id").limit(1))
                .map(conflicts -> {
                    if (conflicts.isEmpty()) {
                        return null;
                    }
                    OdooRecord conflict = conflicts.get(0);
                    List<Long> attendees = conflict.ids("partner_ids");
                    boolean trainerBusy = attendees.contains(trainerPartner);
                    Instant start = Appointment.instant(conflict, "start");
                    Instant stop = Appointment.instant(conflict, "stop");
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("start", start.toString());
                    details.put("stop", stop.toString());
                    details.put("calendar", trainerBusy ? "trainer" : "client");
                    if (attendees.contains(clientPartner)) {
                        // only the caller's own appointment is named; someone else's stays anonymous
                        details.put("appointment_id", conflict.id());
                    }
                    throw new ApiException(ErrorCode.CONFLICT, trainerBusy
                            ? "The trainer is not free from " + start + " to " + stop
                            : "You already have an appointment from " + start + " to " + stop, details);
                })
                .replaceWithVoid();
    }

    /** The appointments of {@code records}, with the names of their dogs read in one search. */
    private Uni<List<Appointment>> withDogs(List<OdooRecord> records) {
        Set<Long> dogIds = records.stream().map(Appointment::dogId).filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Uni<Map<Long, String>> names = dogIds.isEmpty() ? Uni.createFrom().item(Map.of())
                : odoo.searchRead(Appointment.DOG_MODEL, SearchQuery.where(Domain.where("id", "in", List.copyOf(dogIds))
                        .and("active", "in", List.of(true, false))).fields("name"))
                        .map(dogs -> dogs.stream().collect(Collectors.toMap(OdooRecord::id, dog -> dog.text("name"))));
        return names.map(byId -> records.stream().map(record -> Appointment.of(record, byId)).toList());
    }
}
