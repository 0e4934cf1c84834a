package com.customk9.training.invoice;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

/** The caller's invoices, read-only. */
@Path("/api/invoices")
@Tag(name = "Invoices")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class InvoiceResource {

    private final InvoiceService invoices;
    private final Caller caller;

    public InvoiceResource(InvoiceService invoices, Caller caller) {
        this.invoices = invoices;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "My invoices, newest first, with state, payment state, amounts and dates")
    public Uni<Page<Invoice>> list(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        return Uni.combine().all().unis(invoices.list(caller, limit, offset), invoices.count(caller))
                .with((items, total) -> new Page<>(items, total, limit, offset));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of my invoices with its lines (404 for anyone else's)")
    public Uni<Invoice> get(@PathParam("id") long id) {
        return invoices.get(caller, id);
    }
}
