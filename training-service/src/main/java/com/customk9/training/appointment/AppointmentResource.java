package com.customk9.training.appointment;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.customk9.training.FieldProblems;
import com.customk9.training.OpenApiExamples;
import com.customk9.training.Page;
import com.customk9.training.caller.Caller;
import com.customk9.training.idempotency.IdempotentRequests;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** The caller's sessions with trainers, and when a trainer is free. */
@Path("/api/appointments")
@Tag(name = "Appointments")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AppointmentResource {

    private final AppointmentService appointments;
    private final Caller caller;
    private final IdempotentRequests idempotency;

    public AppointmentResource(AppointmentService appointments, Caller caller, IdempotentRequests idempotency) {
        this.appointments = appointments;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @GET
    @Operation(summary = "My upcoming appointments, soonest first")
    public Uni<Page<Appointment>> list(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        return Uni.combine().all().unis(appointments.upcoming(caller, limit, offset), appointments.countUpcoming(caller))
                .with((items, total) -> new Page<>(items, total, limit, offset));
    }

    @GET
    @Path("/availability")
    @Operation(summary = "A trainer's free start times on a day, within working hours (400 if the id is no trainer's)")
    public Uni<Availability> availability(
            @Parameter(description = "The trainer's user id") @QueryParam("trainer_id") String trainerId,
            @Parameter(description = "The day, YYYY-MM-DD") @QueryParam("date") String date,
            @Parameter(description = "Length of the session in minutes, 15 to 240") @QueryParam("duration")
            @DefaultValue("60") String duration) {
        FieldProblems problems = new FieldProblems();
        Long trainer = positiveLong(trainerId);
        if (trainer == null) {
            problems.add("trainer_id", "must be a trainer's user id");
        }
        LocalDate day = null;
        try {
            day = date == null ? null : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            // reported below
        }
        if (day == null) {
            problems.add("date", "must be a date (YYYY-MM-DD)");
        }
        Long minutes = positiveLong(duration);
        if (minutes == null || minutes < Slot.MIN_MINUTES || minutes > Slot.MAX_MINUTES) {
            problems.add("duration", "must be " + Slot.MIN_MINUTES + " to " + Slot.MAX_MINUTES + " minutes");
        }
        problems.throwIfAny();
        return appointments.availability(trainer, day, minutes.intValue());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of my appointments, cancelled ones included (404 for anyone else's)")
    public Uni<Appointment> get(@PathParam("id") long id) {
        return appointments.get(caller, id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Book a session with a trainer for one of my dogs; 409 with the conflicting slot when "
            + "the trainer or I are busy then; with an Idempotency-Key a retry returns the first answer")
    public Uni<Response> book(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "an hour with a trainer", value = OpenApiExamples.APPOINTMENT)))
            @Valid @NotNull AppointmentRequest request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotency.run(caller.userId(), idempotencyKey, "POST", "/api/appointments", request, 201,
                () -> appointments.book(caller, request))
                .map(response -> response.getEntity() instanceof Appointment appointment
                        ? Response.fromResponse(response).location(URI.create("/api/appointments/" + appointment.id()))
                                .build()
                        : response);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move one of my coming appointments; 409 with the conflicting slot when it is taken")
    public Uni<Appointment> reschedule(@PathParam("id") long id, @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "another day", value = OpenApiExamples.RESCHEDULE)))
            @Valid @NotNull RescheduleRequest request) {
        return appointments.reschedule(caller, id, request);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Cancel one of my coming appointments (archived in Odoo, its slot freed)")
    public Uni<Response> cancel(@PathParam("id") long id) {
        return appointments.cancel(caller, id).map(ignored -> Response.noContent().build());
    }

    private static Long positiveLong(String value) {
        if (value == null) {
            return null;
        }
        try {
            long number = Long.parseLong(value.trim());
            return number > 0 ? number : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
