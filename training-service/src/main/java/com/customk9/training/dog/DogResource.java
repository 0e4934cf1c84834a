package com.customk9.training.dog;

import java.net.URI;

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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.customk9.training.OpenApiExamples;
import com.customk9.training.Page;
import com.customk9.training.caller.Caller;
import com.customk9.training.idempotency.IdempotentRequests;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** The caller's dogs. */
@Path("/api/dogs")
@Tag(name = "Dogs")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class DogResource {

    private final DogService dogs;
    private final Caller caller;
    private final IdempotentRequests idempotency;

    public DogResource(DogService dogs, Caller caller, IdempotentRequests idempotency) {
        this.dogs = dogs;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @GET
    @Operation(summary = "My dogs, by name; archived ones only when asked")
    public Uni<Page<Dog>> list(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("include_archived") @DefaultValue("false") boolean includeArchived) {
        return dogs.list(caller, includeArchived, limit, offset)
                .chain(items -> dogs.count(caller, includeArchived)
                        .map(total -> new Page<>(items, total, limit, offset)));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of my dogs (404 for anyone else's)")
    public Uni<Dog> get(@PathParam("id") long id) {
        return dogs.get(caller, id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a dog; with an Idempotency-Key a retry returns the first answer")
    public Uni<Response> create(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "a new dog", value = OpenApiExamples.DOG)))
            @Valid @NotNull DogRequest request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotency.run(caller.userId(), idempotencyKey, "POST", "/api/dogs", request, 201,
                () -> dogs.create(caller, request))
                .map(response -> response.getEntity() instanceof Dog dog
                        ? Response.fromResponse(response).location(URI.create("/api/dogs/" + dog.id())).build()
                        : response);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change some fields of one of my dogs")
    public Uni<Dog> update(@PathParam("id") long id, @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "a change", value = OpenApiExamples.DOG_PATCH)))
            @Valid @NotNull DogRequest request) {
        return dogs.update(caller, id, request);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Archive one of my dogs (its history stays in Odoo)")
    public Uni<Response> archive(@PathParam("id") long id) {
        return dogs.archive(caller, id).map(ignored -> Response.noContent().build());
    }
}
