package com.customk9.platform.support;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import com.customk9.platform.error.ApiException;
import com.customk9.platform.error.UpstreamException;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Endpoints that fail in every way a service can, to test the error envelope end to end. */
@Path("/probe")
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

    private static final Logger LOG = Logger.getLogger(ProbeResource.class);

    public enum Size2 { SMALL, LARGE }

    public record DogRequest(
            @NotBlank String name,
            @NotNull @Min(0) @Max(30) Integer age,
            @Email String ownerEmail,
            LocalDate birthdate,
            Size2 crate,
            @Valid List<@Valid Toy> toys) {
    }

    public record Toy(@NotBlank @Size(max = 20) String name) {
    }

    public record Renamed(@com.fasterxml.jackson.annotation.JsonProperty("owner_email") @NotBlank String ownerEmail) {
    }

    @POST
    @Path("/renamed")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> renamed(@Valid @NotNull Renamed body) {
        return Map.of("owner_email", body.ownerEmail());
    }

    @GET
    @Path("/locked")
    public String locked() {
        throw new ApiException(com.customk9.platform.error.ErrorCode.LOCKED, "Try again later", Map.of("retry_after", 30)) {
            @Override
            public Map<String, String> headers() {
                return Map.of("Retry-After", "30");
            }
        };
    }

    @POST
    @Path("/dogs")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> createDog(@Valid @NotNull DogRequest dog) {
        return Map.of("name", dog.name(), "age", dog.age());
    }

    @GET
    @Path("/search")
    public Map<String, Object> search(@QueryParam("limit") @Min(1) @Max(100) int limit) {
        return Map.of("limit", limit);
    }

    @GET
    @Path("/log")
    public Map<String, String> log() {
        LOG.info("probe log line");
        return Map.of("logged", "yes");
    }

    @GET
    @Path("/not-found")
    public String notFound() {
        throw ApiException.notFound("dog", 42);
    }

    @GET
    @Path("/conflict")
    public String conflict() {
        throw ApiException.conflict("That crate is already booked for these dates");
    }

    @GET
    @Path("/unauthorized")
    public String unauthorized() {
        throw new UnauthorizedException();
    }

    @GET
    @Path("/forbidden")
    public String forbidden() {
        throw new ForbiddenException("internal reason");
    }

    @GET
    @Path("/odoo-down")
    public String odooDown() {
        throw UpstreamException.odooConnection(Map.of("code", 200, "message", "Odoo Server Error",
                "data", Map.of("name", "odoo.exceptions.AccessError")), new java.net.ConnectException("refused"));
    }

    @GET
    @Path("/breaker-open")
    public String breakerOpen() {
        throw new CircuitBreakerOpenException("odoo breaker is open");
    }

    @GET
    @Path("/slow")
    public String slow() {
        throw new TimeoutException("took too long");
    }

    @GET
    @Path("/boom")
    public String boom() {
        throw new IllegalStateException("secret internals of com.customk9.Secret at line 42");
    }
}
