package com.customk9.emulator.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import com.customk9.emulator.fault.AdminGuard;

/**
 * Webhook targets at runtime, admin only: list, add
 * ({@code {"models": [...], "url", "fields": [...], "secret", "on": [...], "action_name", "action_id"}}), remove.
 */
@Path("/emulator/webhooks")
public class WebhookAdminResource {

    private final AdminGuard guard;
    private final WebhookTargets targets;

    public WebhookAdminResource(AdminGuard guard, WebhookTargets targets) {
        this.guard = guard;
        this.targets = targets;
    }

    @GET
    public Response list(@HeaderParam(AdminGuard.HEADER) String token) {
        Optional<Response> refusal = guard.refuse(token);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        return AdminGuard.json(200, Map.of("targets", targets.all().stream().map(WebhookTarget::describe).toList()));
    }

    @POST
    public Response add(@HeaderParam(AdminGuard.HEADER) String token, String body) {
        Optional<Response> refusal = guard.refuse(token);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        try {
            Map<String, Object> request = AdminGuard.body(body);
            List<String> models = strings(request, "models");
            if (models.isEmpty() && request.get("model") instanceof String model) {
                models = List.of(model);
            }
            Object actionId = request.get("action_id");
            if (actionId != null && !(actionId instanceof Number)) {
                throw new IllegalArgumentException("'action_id' must be a number");
            }
            Object secret = request.get("secret");
            if (secret != null && !(secret instanceof String)) {
                throw new IllegalArgumentException("'secret' must be a string");
            }
            WebhookTarget target = targets.add(new WebhookTargets.Definition(models, AdminGuard.string(request, "url", null),
                    strings(request, "fields"), (String) secret, strings(request, "on"),
                    AdminGuard.string(request, "action_name", null), actionId == null ? null : ((Number) actionId).longValue()));
            return AdminGuard.json(201, target.describe());
        } catch (IllegalArgumentException e) {
            return AdminGuard.error(400, "invalid_request", e.getMessage());
        }
    }

    @DELETE
    @Path("{id}")
    public Response remove(@HeaderParam(AdminGuard.HEADER) String token, @PathParam("id") String id) {
        Optional<Response> refusal = guard.refuse(token);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        return targets.remove(id) ? Response.noContent().build() : AdminGuard.error(404, "not_found", "no webhook target " + id);
    }

    private static List<String> strings(Map<String, Object> request, String name) {
        Object value = request.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof String text) {
            return List.of(text.split(","));
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("'" + name + "' must be a list of strings");
        }
        List<String> strings = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String text)) {
                throw new IllegalArgumentException("'" + name + "' must be a list of strings");
            }
            strings.add(text);
        }
        return strings;
    }
}
