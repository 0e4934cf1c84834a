package com.customk9.training.note;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.customk9.training.OpenApiExamples;
import com.customk9.training.Page;
import com.customk9.training.caller.Caller;
import com.customk9.training.idempotency.IdempotentRequests;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** A dog's progress notes: its owner and its trainer read and add them. */
@Path("/api/dogs/{dogId}/progress-notes")
@Tag(name = "Progress notes")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ProgressNoteResource {

    private final ProgressNoteService notes;
    private final Caller caller;
    private final IdempotentRequests idempotency;

    public ProgressNoteResource(ProgressNoteService notes, Caller caller, IdempotentRequests idempotency) {
        this.notes = notes;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @GET
    @Operation(summary = "The dog's progress history, newest first; of one plan with plan_id")
    public Uni<Page<ProgressNote>> history(@PathParam("dogId") long dogId, @QueryParam("plan_id") Long planId,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        return notes.history(caller, dogId, planId, limit, offset);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One progress note of the dog")
    public Uni<ProgressNote> get(@PathParam("dogId") long dogId, @PathParam("id") long id) {
        return notes.get(caller, dogId, id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a progress note (rating 1-5, dated today unless given); with an Idempotency-Key a "
            + "retry returns the first answer")
    public Uni<Response> add(@PathParam("dogId") long dogId, @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "a note", value = OpenApiExamples.PROGRESS_NOTE)))
            @Valid @NotNull ProgressNoteRequest request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        String path = "/api/dogs/" + dogId + "/progress-notes";
        return idempotency.run(caller.userId(), idempotencyKey, "POST", path, request, 201,
                () -> notes.add(caller, dogId, request))
                .map(response -> response.getEntity() instanceof ProgressNote note
                        ? Response.fromResponse(response).location(URI.create(path + "/" + note.id())).build()
                        : response);
    }
}
