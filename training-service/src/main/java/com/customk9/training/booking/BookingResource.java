package com.customk9.training.booking;

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

/** The caller's service bookings (helpdesk tickets). */
@Path("/api/bookings")
@Tag(name = "Bookings")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class BookingResource {

    private final BookingService bookings;
    private final Caller caller;
    private final IdempotentRequests idempotency;

    public BookingResource(BookingService bookings, Caller caller, IdempotentRequests idempotency) {
        this.bookings = bookings;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @GET
    @Operation(summary = "My service bookings, newest first, each with its invoice if it has one")
    public Uni<Page<Booking>> list(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        return Uni.combine().all().unis(bookings.list(caller, limit, offset), bookings.count(caller))
                .with((items, total) -> new Page<>(items, total, limit, offset));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of my bookings (404 for anyone else's)")
    public Uni<Booking> get(@PathParam("id") long id) {
        return bookings.get(caller, id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Request a service, optionally for one of my dogs; a priced service makes a draft invoice; "
            + "with an Idempotency-Key a retry returns the first answer")
    public Uni<Response> create(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "a priced service for a dog", value = OpenApiExamples.BOOKING)))
            @Valid @NotNull BookingRequest request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotency.run(caller.userId(), idempotencyKey, "POST", "/api/bookings", request, 201,
                () -> bookings.create(caller, request))
                .map(response -> response.getEntity() instanceof Booking booking
                        ? Response.fromResponse(response).location(URI.create("/api/bookings/" + booking.id())).build()
                        : response);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Cancel one of my bookings and its draft invoice (409 once solved or invoiced)")
    public Uni<Response> cancel(@PathParam("id") long id) {
        return bookings.cancel(caller, id).map(ignored -> Response.noContent().build());
    }
}
