package com.customk9.attendance.config;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.customk9.attendance.api.Envelope;
import com.customk9.attendance.api.Json;
import com.customk9.attendance.key.Permissions;
import com.customk9.attendance.key.RequiresPermission;
import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/config")
@Produces(MediaType.APPLICATION_JSON)
public class ConfigResource {

    public record ConfigChange(@Size(max = 64) String key, JsonNode value, @Size(max = 500) String description) {
    }

    private final AttendanceSettings settings;

    public ConfigResource(AttendanceSettings settings) {
        this.settings = settings;
    }

    @GET
    @RequiresPermission(Permissions.CONFIG_READ)
    public Uni<Envelope<Map<String, Object>>> get() {
        return settings.current().map(current -> Envelope.of(Json.object("config", AttendanceSettings.json(current))));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permissions.CONFIG_WRITE)
    public Uni<Envelope<Map<String, Object>>> set(@Valid @NotNull ConfigChange change) {
        return settings.set(change.key(), change.value(), change.description())
                .map(current -> Envelope.of("Configuration updated", Json.object("config", AttendanceSettings.json(current))));
    }
}
