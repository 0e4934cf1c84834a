package com.customk9.training.plan;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.customk9.training.OpenApiExamples;
import com.customk9.training.Page;
import com.customk9.training.caller.Caller;
import com.customk9.training.idempotency.IdempotentRequests;
import com.customk9.training.plan.PlanPatch.ExerciseChanges;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * Training plans of the caller's dogs. Everyone who sees a plan (the dog's owner, the dog's trainer)
 * reads it and marks its exercises completed; only the dog's trainer creates and changes plans (403
 * for the owner). A plan outside the caller's dogs is a 404. Every change answers the whole plan with
 * its exercises and new progress.
 */
@Path("/api/training-plans")
@Tag(name = "Training plans")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {

    private final PlanService plans;
    private final Caller caller;
    private final IdempotentRequests idempotency;

    public PlanResource(PlanService plans, Caller caller, IdempotentRequests idempotency) {
        this.plans = plans;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @GET
    @Operation(summary = "Plans of my dogs (and of the dogs I train), newest start first, without their exercises")
    public Uni<Page<Plan>> list(@QueryParam("dog_id") Long dogId,
            @QueryParam("state") @Pattern(regexp = Plan.STATES, message = Plan.STATES_MESSAGE) String state,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        return plans.list(caller, dogId, state, limit, offset);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A plan with its exercises in order and its progress (% of exercises completed)")
    public Uni<Plan> get(@PathParam("id") long id) {
        return plans.get(caller, id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a plan with its exercises (the dog's trainer only); with an Idempotency-Key a "
            + "retry returns the first answer")
    public Uni<Response> create(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "a plan with two exercises", value = OpenApiExamples.PLAN)))
            @Valid @NotNull PlanRequest request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotency.run(caller.userId(), idempotencyKey, "POST", "/api/training-plans", request, 201,
                () -> plans.create(caller, request))
                .map(response -> response.getEntity() instanceof Plan plan
                        ? Response.fromResponse(response).location(URI.create("/api/training-plans/" + plan.id())).build()
                        : response);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a plan's fields and add, change or remove exercises, all at once (the dog's "
            + "trainer only)")
    public Uni<Plan> update(@PathParam("id") long id, @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "fields and exercises at once", value = OpenApiExamples.PLAN_PATCH)))
            @Valid @NotNull PlanPatch patch) {
        return plans.update(caller, id, patch);
    }

    @POST
    @Path("/{id}/exercises")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add an exercise, after the others unless it has a sequence (the dog's trainer only)")
    public Uni<Response> addExercise(@PathParam("id") long id, @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "an exercise", value = OpenApiExamples.EXERCISE)))
            @Valid @NotNull ExerciseRequest exercise) {
        return plans.update(caller, id, PlanPatch.of(new ExerciseChanges(List.of(exercise), null, null)))
                .map(plan -> Response.status(Response.Status.CREATED).entity(plan).build());
    }

    @PATCH
    @Path("/{id}/exercises/{exerciseId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an exercise (the dog's trainer only)")
    public Uni<Plan> updateExercise(@PathParam("id") long id, @PathParam("exerciseId") long exerciseId,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "a change", value = OpenApiExamples.EXERCISE_PATCH)))
            @Valid @NotNull ExercisePatch exercise) {
        return plans.update(caller, id,
                PlanPatch.of(new ExerciseChanges(null, List.of(exercise.withId(exerciseId)), null)));
    }

    @DELETE
    @Path("/{id}/exercises/{exerciseId}")
    @Operation(summary = "Remove an exercise (the dog's trainer only)")
    public Uni<Plan> removeExercise(@PathParam("id") long id, @PathParam("exerciseId") long exerciseId) {
        return plans.update(caller, id, PlanPatch.of(new ExerciseChanges(null, null, List.of(exerciseId))));
    }

    @PUT
    @Path("/{id}/exercises/order")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reorder the exercises: every exercise id of the plan, once, in the new order (the dog's "
            + "trainer only)")
    public Uni<Plan> reorder(@PathParam("id") long id, @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "the new order", value = OpenApiExamples.EXERCISE_ORDER)))
            @Valid @NotNull ExerciseOrder order) {
        return plans.reorder(caller, id, order.exerciseIds());
    }

    @POST
    @Path("/{id}/exercises/{exerciseId}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mark an exercise completed, on completion_date or today; the body is optional (the "
            + "dog's owner or trainer)")
    public Uni<Plan> complete(@PathParam("id") long id, @PathParam("exerciseId") long exerciseId,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "completed on a given day", value = OpenApiExamples.COMPLETION)))
            @Valid CompletionRequest completion) {
        return plans.complete(caller, id, exerciseId, completion == null ? null : completion.completionDate());
    }

    /** The same without a body (and so without a JSON content type): completed today. */
    @POST
    @Path("/{id}/exercises/{exerciseId}/complete")
    @Operation(hidden = true)
    public Uni<Plan> completeToday(@PathParam("id") long id, @PathParam("exerciseId") long exerciseId) {
        return plans.complete(caller, id, exerciseId, null);
    }

    @DELETE
    @Path("/{id}/exercises/{exerciseId}/complete")
    @Operation(summary = "Mark an exercise not completed again (the dog's owner or trainer)")
    public Uni<Plan> reopen(@PathParam("id") long id, @PathParam("exerciseId") long exerciseId) {
        return plans.reopen(caller, id, exerciseId);
    }
}
