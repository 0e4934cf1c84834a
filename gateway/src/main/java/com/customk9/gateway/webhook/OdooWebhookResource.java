package com.customk9.gateway.webhook;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;

import com.customk9.gateway.redis.RedisAvailability.RedisUnavailableException;
import com.customk9.gateway.route.GatewayConfig;
import com.customk9.platform.error.ApiException;
import com.customk9.platform.error.ErrorCode;
import com.customk9.platform.error.UpstreamException;
import com.customk9.platform.event.CloudEvent;
import com.customk9.platform.event.CloudEventCodec;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * {@code POST /api/odoo/webhook}: what Odoo's "Send Webhook Notification" actions send. Checked in
 * this order: authenticity (401: bad or missing signature, stale timestamp, wrong URL token), shape
 * (400: not JSON, no {@code _model} or {@code _id}), replay (409: a signature already accepted),
 * then published to {@code odoo.webhooks} as a CloudEvent keyed {@code model:id}; 202 once the
 * broker acknowledged it, 503 when it did not (or when the replay guard cannot be asked).
 */
@Path("/api/odoo/webhook")
public class OdooWebhookResource {

    private static final Logger LOG = Logger.getLogger(OdooWebhookResource.class);
    static final String SOURCE = "/customk9/gateway";
    static final String TYPE_PREFIX = "com.customk9.odoo.webhook.";

    private final WebhookSignatures signatures;
    private final ReplayGuard replayGuard;
    private final WebhookPublisher publisher;
    private final CloudEventCodec codec;
    private final ObjectMapper mapper;

    public OdooWebhookResource(GatewayConfig config, ReplayGuard replayGuard, WebhookPublisher publisher,
            CloudEventCodec codec, ObjectMapper mapper) {
        this.signatures = new WebhookSignatures(config.webhook().secret(), config.webhook().urlToken(),
                config.webhook().tolerance(), Clock.systemUTC());
        this.replayGuard = replayGuard;
        this.publisher = publisher;
        this.codec = codec;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive an Odoo webhook", description = "Verified by X-Odoo-Signature (HMAC-SHA256 over "
            + "\"<X-Odoo-Timestamp>.<body>\") or ?token=, published to Kafka odoo.webhooks keyed model:id.")
    @APIResponse(responseCode = "202", description = "On the topic (the broker acknowledged it)")
    public Uni<Response> receive(byte[] body,
            @HeaderParam(WebhookSignatures.TIMESTAMP_HEADER) String timestamp,
            @HeaderParam(WebhookSignatures.SIGNATURE_HEADER) String signature,
            @QueryParam("token") String token) {
        WebhookSignatures.Proof proof = signatures.verify(body, timestamp, signature, token);
        JsonNode payload = parse(body);
        String subject = payload.get("_model").asText() + ":" + payload.get("_id").asText();
        CloudEvent event = CloudEvent.of(SOURCE, TYPE_PREFIX + action(payload), subject, payload);
        String json = codec.toJson(event);

        Uni<Boolean> fresh = proof == WebhookSignatures.Proof.SIGNATURE
                ? replayGuard.firstSeen(signature.trim().toLowerCase(Locale.ROOT))
                : Uni.createFrom().item(true);
        return fresh
                .onFailure(RedisUnavailableException.class).transform(error -> UpstreamException.unavailable("The replay guard", error))
                .chain(first -> {
                    if (!first) {
                        throw ApiException.conflict("This webhook was already received");
                    }
                    return publisher.publish(subject, json)
                            .onFailure().call(error -> proof == WebhookSignatures.Proof.SIGNATURE
                                    ? replayGuard.forget(signature.trim().toLowerCase(Locale.ROOT))
                                    : Uni.createFrom().voidItem())
                            .onFailure().transform(error -> {
                                LOG.warnf("Publishing webhook %s (%s) failed: %s", event.id(), subject, error.toString());
                                return UpstreamException.unavailable("The event broker", error);
                            });
                })
                .map(metadata -> Response.accepted(Map.of("status", "accepted", "event_id", event.id(), "subject", subject))
                        .build());
    }

    private JsonNode parse(byte[] body) {
        JsonNode payload;
        try {
            payload = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiException(ErrorCode.MALFORMED_JSON, "The webhook body is not valid JSON", null);
        } catch (IOException e) {
            throw new ApiException(ErrorCode.MALFORMED_JSON, "The webhook body cannot be read", null);
        }
        if (payload == null || !payload.isObject()) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "The webhook body must be a JSON object", null);
        }
        JsonNode model = payload.get("_model");
        JsonNode id = payload.get("_id");
        if (model == null || !model.isTextual() || model.asText().isBlank()) {
            throw ApiException.invalid("_model", "must be the name of an Odoo model");
        }
        if (id == null || !(id.isIntegralNumber() || id.isTextual() && !id.asText().isBlank())) {
            throw ApiException.invalid("_id", "must be a record id");
        }
        return payload;
    }

    /** create, write or unlink when the server action's label says which (Odoo sends no such field), else "received". */
    static String action(JsonNode payload) {
        JsonNode label = payload.get("_action");
        if (label != null && label.isTextual()) {
            String text = label.asText().toLowerCase(Locale.ROOT);
            for (String action : List.of("create", "write", "unlink")) {
                if (text.matches(".*\\b" + action + "\\b.*")) {
                    return action;
                }
            }
        }
        return "received";
    }
}
