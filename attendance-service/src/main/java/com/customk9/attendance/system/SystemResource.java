package com.customk9.attendance.system;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.customk9.attendance.api.Envelope;
import com.customk9.attendance.api.Json;
import com.customk9.attendance.api.Times;
import com.customk9.attendance.face.FaceEngine;
import com.customk9.attendance.key.Permissions;
import com.customk9.attendance.key.RequiresPermission;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * {@code /api/v1/health} (no key: the Odoo module polls it every five minutes and fails over on it) and
 * {@code /api/v1/status}. This service recognises frames that clients send; it runs no camera stream of
 * its own, and says so rather than pretending one is running.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class SystemResource {

    private final Pool pool;
    private final FaceEngine engine;
    private final Times times;
    private final String version;

    public SystemResource(Pool pool, FaceEngine engine, Times times,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "0.1.0") String version) {
        this.pool = pool;
        this.engine = engine;
        this.times = times;
        this.version = version;
    }

    @GET
    @Path("/health")
    public Uni<Response> health() {
        return pool.query("select 1").execute().map(rows -> true)
                .ifNoItem().after(Duration.ofSeconds(2)).fail()
                .onFailure().recoverWithItem(false)
                .map(database -> {
                    String status = !database ? "unhealthy" : engine.ready() ? "healthy" : "degraded";
                    Map<String, Object> body = Json.object("success", database, "status", status,
                            "timestamp", times.iso(Instant.now()), "version", version,
                            "checks", Json.object("database", database ? "up" : "down",
                                    "face_recognition", engine.ready() ? "up" : "unavailable"));
                    return Response.status(database ? 200 : 503).entity(body).build();
                });
    }

    @GET
    @Path("/status")
    @RequiresPermission(Permissions.STATUS_READ)
    public Envelope<Map<String, Object>> status() {
        return Envelope.of(Json.object(
                "background_recognition_running", false,
                "snapshot_analysis_running", engine.ready(),
                "active_video_stream", false,
                "current_source", "api",
                "uptime_seconds", java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1000,
                "recognition_ready", engine.ready(),
                "templates", engine.index().size(),
                "models", engine.models()));
    }
}
