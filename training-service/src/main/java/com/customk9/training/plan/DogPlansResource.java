package com.customk9.training.plan;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.customk9.training.Page;
import com.customk9.training.caller.Caller;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** One dog's training plans. */
@Path("/api/dogs/{dogId}/training-plans")
@Tag(name = "Training plans")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class DogPlansResource {

    private final PlanService plans;
    private final Caller caller;

    public DogPlansResource(PlanService plans, Caller caller) {
        this.plans = plans;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The plans of one of my dogs (or of a dog I train), newest start first (404 for any other dog)")
    public Uni<Page<Plan>> list(@PathParam("dogId") long dogId,
            @QueryParam("state") @Pattern(regexp = Plan.STATES, message = Plan.STATES_MESSAGE) String state,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        return plans.listOfDog(caller, dogId, state, limit, offset);
    }
}
