package com.customk9.attendance.log;

import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.customk9.attendance.api.Envelope;
import com.customk9.attendance.api.Json;
import com.customk9.attendance.key.Permissions;
import com.customk9.attendance.key.RequiresPermission;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/logs")
@Produces(MediaType.APPLICATION_JSON)
public class LogResource {

    private final SystemLogs logs;

    public LogResource(SystemLogs logs) {
        this.logs = logs;
    }

    @GET
    @RequiresPermission(Permissions.LOGS_READ)
    public Uni<Envelope<Map<String, Object>>> list(
            @QueryParam("level") @Pattern(regexp = "info|warning|error", message = "must be info, warning or error") String level,
            @QueryParam("category") @Pattern(regexp = "sync|api|system|attendance",
                    message = "must be sync, api, system or attendance") String category,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return logs.list(level, category, limit).map(list -> Envelope.of(Json.object("logs", list, "total", list.size())));
    }
}
