package com.customk9.odoo.client.transport;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.odoo.client.error.OdooErrors;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;

/**
 * The {@code base_api} REST layer under {@code /api/v2} (seed 002): {@code {success, data, message}}
 * envelopes, the {@code api-key} or {@code session-token} header. Answers the whole envelope on
 * success and the client's typed error otherwise.
 */
@ApplicationScoped
public class ApiV2 {

    public static final String API_KEY_HEADER = "api-key";
    public static final String SESSION_TOKEN_HEADER = "session-token";

    private final OdooHttp http;

    public ApiV2(OdooHttp http) {
        this.http = http;
    }

    public Uni<JsonObject> get(String path, Map<String, String> query, Map<String, String> auth) {
        return send(HttpMethod.GET, path, query, auth, null);
    }

    public Uni<JsonObject> post(String path, JsonObject body, Map<String, String> auth) {
        return send(HttpMethod.POST, path, Map.of(), auth, body);
    }

    public Uni<JsonObject> send(HttpMethod method, String path, Map<String, String> query, Map<String, String> auth,
            JsonObject body) {
        boolean sessionAuth = auth.containsKey(SESSION_TOKEN_HEADER);
        return Uni.createFrom().deferred(() -> http.send(method, "/api/v2" + path, query, auth, body))
                .map(answer -> unwrap(answer, sessionAuth));
    }

    static JsonObject unwrap(HttpAnswer answer, boolean sessionAuth) {
        JsonObject body = answer.jsonObject();
        boolean ok = answer.status() >= 200 && answer.status() < 300;
        if (ok && body != null && !Boolean.FALSE.equals(body.getValue("success"))) {
            return body;
        }
        if (body == null) {
            throw OdooErrors.fromHttpStatus(answer.status(), answer.excerpt());
        }
        throw OdooErrors.fromApiV2(answer.status(), body, sessionAuth);
    }
}
