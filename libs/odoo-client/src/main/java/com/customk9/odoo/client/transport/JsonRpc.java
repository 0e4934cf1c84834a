package com.customk9.odoo.client.transport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.odoo.client.error.OdooErrors;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Odoo's standard JSON-RPC: {@code /jsonrpc} (services {@code common} and {@code object}, stateless,
 * the password or API key in every call) and the web client's {@code /web/session/authenticate} +
 * {@code /web/dataset/call_kw} (a {@code session_id} cookie). Answers are HTTP 200 with
 * {@code result} or {@code error}; an error becomes the client's typed error.
 */
@ApplicationScoped
public class JsonRpc {

    private final OdooHttp http;
    private final AtomicLong ids = new AtomicLong();

    public JsonRpc(OdooHttp http) {
        this.http = http;
    }

    /** {@code common.login(db, login, password)}: the uid, or {@code false} when refused. */
    public Uni<Object> login(String database, String login, String password) {
        return call("/jsonrpc", new JsonObject()
                .put("service", "common")
                .put("method", "login")
                .put("args", new JsonArray().add(database).add(login).add(password)), Map.of())
                .map(RpcAnswer::result);
    }

    /** {@code common.version()}: the server's version info. */
    public Uni<Object> version() {
        return call("/jsonrpc", new JsonObject()
                .put("service", "common")
                .put("method", "version")
                .put("args", new JsonArray()), Map.of())
                .map(RpcAnswer::result);
    }

    /** {@code object.execute_kw(db, uid, password, model, method, args, kwargs)}. */
    public Uni<Object> executeKw(String database, long uid, String password, String model, String method,
            List<Object> args, Map<String, Object> kwargs) {
        return call("/jsonrpc", new JsonObject()
                .put("service", "object")
                .put("method", "execute_kw")
                .put("args", new JsonArray()
                        .add(database).add(uid).add(password).add(model).add(method)
                        .add(new JsonArray(args)).add(new JsonObject(kwargs))), Map.of())
                .map(RpcAnswer::result);
    }

    /** {@code /web/session/authenticate}: the session info and the {@code session_id} cookie Odoo set. */
    public Uni<RpcAnswer> authenticate(String database, String login, String password) {
        return call("/web/session/authenticate", new JsonObject()
                .put("db", database)
                .put("login", login)
                .put("password", password), Map.of());
    }

    /** {@code /web/dataset/call_kw} within the web session {@code sessionId}. */
    public Uni<Object> callKw(String sessionId, String model, String method, List<Object> args,
            Map<String, Object> kwargs) {
        return call("/web/dataset/call_kw", new JsonObject()
                .put("model", model)
                .put("method", method)
                .put("args", new JsonArray(args))
                .put("kwargs", new JsonObject(kwargs)), Map.of("Cookie", "session_id=" + sessionId))
                .map(RpcAnswer::result);
    }

    /** {@code /web/session/destroy}. */
    public Uni<Void> destroy(String sessionId) {
        return call("/web/session/destroy", new JsonObject(), Map.of("Cookie", "session_id=" + sessionId))
                .replaceWithVoid();
    }

    private Uni<RpcAnswer> call(String path, JsonObject params, Map<String, String> headers) {
        JsonObject envelope = new JsonObject()
                .put("jsonrpc", "2.0")
                .put("method", "call")
                .put("params", params)
                .put("id", ids.incrementAndGet());
        return Uni.createFrom().deferred(() -> http.postJson(path, envelope, headers))
                .map(JsonRpc::unwrap);
    }

    static RpcAnswer unwrap(HttpAnswer answer) {
        if (answer.status() != 200) {
            throw OdooErrors.fromHttpStatus(answer.status(), answer.excerpt());
        }
        JsonObject body = answer.jsonObject();
        if (body == null) {
            throw OdooErrors.protocol("JSON-RPC answer is not a JSON object");
        }
        if (body.getValue("error") instanceof JsonObject error) {
            throw OdooErrors.fromJsonRpc(error);
        }
        // Python's None leaves "result" out altogether.
        return new RpcAnswer(body.getValue("result"), answer.sessionCookie());
    }

    /** A JSON-RPC result with the session cookie Odoo set along with it, if any. */
    public record RpcAnswer(Object result, String sessionCookie) {
    }
}
