package com.customk9.attendance.key;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.customk9.attendance.api.AttendanceException;
import com.customk9.attendance.api.Envelope;
import com.customk9.attendance.api.Json;
import com.customk9.attendance.api.Times;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/keys")
@Produces(MediaType.APPLICATION_JSON)
public class KeyResource {

    public record NewKey(@NotBlank @Size(max = 100) String name,
            @Size(max = 20) List<@NotNull @Pattern(regexp = "\\*|[a-z]+:[a-z]+|recognize") String> permissions,
            @JsonProperty("expires_in_days") @Min(1) @Max(3650) Integer expiresInDays) {
    }

    private final ApiKeys keys;
    private final Times times;

    public KeyResource(ApiKeys keys, Times times) {
        this.keys = keys;
        this.times = times;
    }

    @GET
    @RequiresPermission(Permissions.KEYS_READ)
    public Uni<Envelope<Map<String, Object>>> list(
            @QueryParam("status") @Pattern(regexp = "active|inactive|revoked", message = "must be active, inactive or revoked") String status,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return keys.list(status, limit).chain(list -> keys.count(status)
                .map(total -> Envelope.of(Json.object("keys", list.stream().map(this::json).toList(), "total", total))));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permissions.KEYS_WRITE)
    public Uni<Response> create(@Valid @NotNull NewKey request) {
        List<String> permissions = request.permissions() == null || request.permissions().isEmpty()
                ? List.of(Permissions.ALL) : request.permissions();
        for (String permission : permissions) {
            if (!Permissions.KNOWN.contains(permission)) {
                throw AttendanceException.invalid("permissions", "has an unknown permission: " + permission);
            }
        }
        OffsetDateTime expires = request.expiresInDays() == null ? null : OffsetDateTime.now().plusDays(request.expiresInDays());
        return keys.create(request.name().trim(), permissions, expires).map(created -> {
            Map<String, Object> data = json(created.key());
            data.put("key", created.secret());
            return Response.status(201).entity(Envelope.of("Store this key now: it is not shown again", data)).build();
        });
    }

    @DELETE
    @Path("/{id}")
    @RequiresPermission(Permissions.KEYS_WRITE)
    public Uni<Envelope<Map<String, Object>>> revoke(@PathParam("id") long id) {
        return keys.revoke(id).map(key -> Envelope.of("API key revoked", json(key)));
    }

    private Map<String, Object> json(ApiKey key) {
        return Json.object("id", key.id(), "name", key.name(), "permissions", key.permissions(), "status", key.status(),
                "created_at", times.iso(key.createdAt()), "last_used", times.iso(key.lastUsed()),
                "expires_at", times.iso(key.expiresAt()));
    }
}
