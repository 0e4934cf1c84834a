package com.customk9.odoo.client;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.customk9.odoo.client.auth.Identity;
import com.customk9.odoo.client.auth.OdooUserSession;
import com.customk9.odoo.client.cache.CacheKey;
import com.customk9.odoo.client.cache.OdooCache;
import com.customk9.odoo.client.error.OdooAuthenticationException;
import com.customk9.odoo.client.error.OdooConnectionException;
import com.customk9.odoo.client.error.OdooErrors;
import com.customk9.odoo.client.error.OdooFailure;
import com.customk9.odoo.client.error.OdooSessionExpiredException;
import com.customk9.odoo.client.metrics.OdooMetrics;
import com.customk9.odoo.client.record.OdooRecord;
import com.customk9.odoo.client.record.OdooValues;
import com.customk9.odoo.client.resilience.CallKind;
import com.customk9.odoo.client.resilience.OdooResilience;
import com.customk9.odoo.client.transport.ApiV2;
import com.customk9.odoo.client.transport.JsonRpc;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

/**
 * How one call travels: metrics around everything; the read cache; renewal of an expired session
 * (once); retries, breaker and timeout ({@link OdooResilience}); then the attempt on the wire as the
 * call's identity. Internal to the client: services use {@link OdooClient}.
 */
@ApplicationScoped
public class OdooEngine {

    private static final Logger LOG = Logger.getLogger(OdooEngine.class);

    private final OdooConfig config;
    private final JsonRpc rpc;
    private final ApiV2 api;
    private final OdooResilience resilience;
    private final OdooCache cache;
    private final OdooMetrics metrics;
    private volatile Long integrationUid;

    public OdooEngine(OdooConfig config, JsonRpc rpc, ApiV2 api, OdooResilience resilience, OdooCache cache,
            OdooMetrics metrics) {
        this.config = config;
        this.rpc = rpc;
        this.api = api;
        this.resilience = resilience;
        this.cache = cache;
        this.metrics = metrics;
    }

    /** Which surface a call uses, so an expired session is renewed on the right one. */
    enum Surface { API_V2, JSON_RPC }

    /**
     * A read worth caching: its arguments (the cache key), whether it is a query (dropped on any change
     * to the model) and, if not, the record ids its answer holds.
     */
    record Cacheable(Object arguments, boolean query, Function<Object, Collection<Long>> recordIds) {
    }

    record Call(Identity identity, Surface surface, CallKind kind, String model, String method,
            Function<Identity, Uni<Object>> attempt, Cacheable cacheable) {
    }

    private record Fetched(Object value, boolean fromCache) {
    }

    /** Runs {@code call} and decodes its JSON answer; the failure, if any, is a typed Odoo error. */
    public <T> Uni<T> execute(Call call, Function<Object, T> decode) {
        return Uni.createFrom().deferred(() -> {
            long start = System.nanoTime();
            return fetch(call)
                    .map(fetched -> new Fetched(decodeOrFail(decode, fetched.value()), fetched.fromCache()))
                    .onItemOrFailure().invoke((fetched, failure) -> metrics.recordCall(call.model(), call.method(),
                            failure != null ? OdooMetrics.outcomeOf(failure) : fetched.fromCache() ? "cache_hit" : "success",
                            Duration.ofNanos(System.nanoTime() - start)))
                    .map(fetched -> {
                        @SuppressWarnings("unchecked")
                        T value = (T) fetched.value();
                        return value;
                    });
        });
    }

    private Uni<Fetched> fetch(Call call) {
        if (call.identity() instanceof Identity.User user && user.session().ended()) {
            // Not even from the cache: what the user could read is no longer theirs to read.
            return Uni.createFrom().failure(new OdooSessionExpiredException(Map.of("message", "signed out")));
        }
        if (call.cacheable() == null || !cache.caches(call.model())) {
            return guarded(call).map(value -> new Fetched(value, false));
        }
        CacheKey key = cache.key(call.model(), call.method(), call.identity().cacheTag(), call.cacheable().arguments());
        return cache.get(key).chain(hit -> {
            if (hit != null) {
                return Uni.createFrom().item(new Fetched(Json.decodeValue(hit), true));
            }
            return guarded(call).call(value -> cache.put(key, Json.encode(OdooValues.plain(value)),
                    call.cacheable().query() ? List.of() : call.cacheable().recordIds().apply(value),
                    call.cacheable().query()))
                    .map(value -> new Fetched(value, false));
        });
    }

    /** The call under resilience, renewing an expired session once. */
    private Uni<Object> guarded(Call call) {
        Identity identity = call.identity();
        if (identity instanceof Identity.User user) {
            OdooUserSession session = user.session();
            String staleToken = session.token();
            String staleWebSession = session.webSessionId().orElse(null);
            return underResilience(call)
                    .onFailure(OdooSessionExpiredException.class).recoverWithUni(expired -> {
                        Uni<?> renewal = call.surface() == Surface.API_V2
                                ? session.renewToken(staleToken, () -> renewToken(session))
                                : session.renewWebSession(staleWebSession, () -> signInWeb(session));
                        return renewal.chain(() -> underResilience(call));
                    });
        }
        return underResilience(call)
                .onFailure(OdooSessionExpiredException.class).recoverWithUni(expired -> {
                    integrationUid = null;
                    return underResilience(call);
                })
                .onFailure(OdooAuthenticationException.class).transform(this::integrationRefused);
    }

    private Uni<Object> underResilience(Call call) {
        return resilience.call(call.kind(), call.model(), call.method(), () -> call.attempt().apply(call.identity()));
    }

    // ---- attempts as an identity ----

    /** {@code execute_kw} as the integration user, or {@code call_kw} in the user's web session. */
    Uni<Object> executeKw(Identity identity, String model, String method, List<Object> args,
            Map<String, Object> kwargs) {
        if (identity instanceof Identity.User user) {
            OdooUserSession session = user.session();
            Uni<String> sessionId = session.webSessionId()
                    .map(id -> Uni.createFrom().item(id))
                    .orElseGet(() -> session.renewWebSession(null, () -> signInWeb(session)));
            return sessionId.chain(id -> rpc.callKw(id, model, method, args, kwargs));
        }
        return integrationUid().chain(uid -> rpc.executeKw(config.database(), uid, apiKey(), model, method, args, kwargs));
    }

    /** A call to /api/v2 with the identity's header. */
    Uni<Object> apiV2(Identity identity, HttpMethod method, String path, Map<String, String> query, JsonObject body) {
        Map<String, String> auth = identity instanceof Identity.User user
                ? Map.of(ApiV2.SESSION_TOKEN_HEADER, user.session().token())
                : Map.of(ApiV2.API_KEY_HEADER, apiKey());
        return api.send(method, path, query, auth, body).map(envelope -> envelope.getValue("data"));
    }

    /** Signs a user in through /api/v2 (not cached, never retried). */
    Uni<OdooUserSession> signIn(String login, String password) {
        Call call = new Call(Identity.INTEGRATION, Surface.API_V2, CallKind.WRITE, "res.users", "auth.login",
                ignored -> api.post("/auth/login", new JsonObject().put("username", login).put("password", password),
                        Map.of()).map(envelope -> envelope.getValue("data")),
                null);
        return executeUnrenewed(call, data -> {
            JsonObject session = (JsonObject) data;
            return OdooUserSession.signedIn(login, password, session.getString("session_token"),
                    session.getString("expires_at"), OdooRecord.of(session.getJsonObject("user")));
        });
    }

    /** Refreshes the session's token (Odoo allows it shortly after expiry too). */
    Uni<Void> refresh(OdooUserSession session) {
        Call call = new Call(new Identity.User(session), Surface.API_V2, CallKind.WRITE, "res.users", "auth.refresh",
                ignored -> api.post("/auth/refresh", new JsonObject(),
                        Map.of(ApiV2.SESSION_TOKEN_HEADER, session.token())).map(envelope -> envelope.getValue("data")),
                null);
        return executeUnrenewed(call, data -> {
            JsonObject renewed = (JsonObject) data;
            JsonObject user = renewed.getJsonObject("user");
            session.renewed(renewed.getString("session_token"), renewed.getString("expires_at"),
                    user == null ? null : OdooRecord.of(user));
            return null;
        }).replaceWithVoid();
    }

    /** Ends the user's sessions: the /api/v2 token and the web session, if one was opened. */
    Uni<Void> signOut(OdooUserSession session) {
        Call call = new Call(new Identity.User(session), Surface.API_V2, CallKind.WRITE, "res.users", "auth.logout",
                ignored -> api.post("/auth/logout", new JsonObject(),
                        Map.of(ApiV2.SESSION_TOKEN_HEADER, session.token())).map(envelope -> envelope.getValue("data")),
                null);
        Uni<Void> web = session.webSessionId()
                .map(id -> rpc.destroy(id).onFailure().recoverWithNull().replaceWithVoid())
                .orElse(Uni.createFrom().voidItem());
        return executeUnrenewed(call, data -> null).replaceWithVoid().call(() -> web)
                .eventually(session::end);
    }

    private <T> Uni<T> executeUnrenewed(Call call, Function<Object, T> decode) {
        return Uni.createFrom().deferred(() -> {
            long start = System.nanoTime();
            return underResilience(call)
                    .map(value -> decodeOrFail(decode, value))
                    .onItemOrFailure().invoke((value, failure) -> metrics.recordCall(call.model(), call.method(),
                            failure != null ? OdooMetrics.outcomeOf(failure) : "success",
                            Duration.ofNanos(System.nanoTime() - start)));
        });
    }

    /** An expired token: refresh it, or sign in again when Odoo will not refresh it any more. */
    private Uni<Void> renewToken(OdooUserSession session) {
        return refresh(session)
                .onFailure(failure -> failure instanceof OdooSessionExpiredException
                        || failure instanceof OdooAuthenticationException)
                .recoverWithUni(refused -> {
                    if (!session.canSignInAgain()) {
                        return Uni.createFrom().failure(new OdooSessionExpiredException(((OdooFailure) refused).odooError()));
                    }
                    LOG.debugf("Odoo would not refresh the session of user %d; signing in again", session.userId());
                    return signIn(session.login().orElseThrow(), session.password())
                            .invoke(fresh -> session.renewed(fresh.token(), fresh.expiresAt().orElse(null),
                                    fresh.user().orElse(null)))
                            .onFailure(OdooAuthenticationException.class)
                            .transform(rejected -> new OdooSessionExpiredException(((OdooFailure) rejected).odooError()))
                            .replaceWithVoid();
                });
    }

    /** Opens (or reopens) the user's web session for JSON-RPC calls. */
    private Uni<String> signInWeb(OdooUserSession session) {
        if (!session.canSignInAgain()) {
            return Uni.createFrom().failure(new OdooSessionExpiredException(
                    Map.of("message", "JSON-RPC on behalf of a user needs a session signed in with credentials")));
        }
        return rpc.authenticate(config.database(), session.login().orElseThrow(), session.password())
                .map(answer -> {
                    if (answer.sessionCookie() == null) {
                        throw OdooErrors.protocol("/web/session/authenticate set no session cookie");
                    }
                    session.webSession(answer.sessionCookie());
                    return answer.sessionCookie();
                })
                .onFailure(OdooAuthenticationException.class)
                .transform(rejected -> new OdooSessionExpiredException(((OdooFailure) rejected).odooError()));
    }

    private Uni<Long> integrationUid() {
        Long uid = integrationUid;
        if (uid != null) {
            return Uni.createFrom().item(uid);
        }
        return rpc.login(config.database(), config.integration().login(), apiKey()).map(result -> {
            if (!(result instanceof Number number)) {
                throw new OdooAuthenticationException(Map.of("message", "common.login refused the integration user"));
            }
            integrationUid = number.longValue();
            return integrationUid;
        });
    }

    /** The integration credentials are ours to get right: their refusal is a 502, not the caller's 401. */
    private Throwable integrationRefused(Throwable refused) {
        integrationUid = null;
        LOG.errorf("Odoo refused the integration user %s: check odoo.integration.login and odoo.integration.api-key",
                config.integration().login());
        return new OdooConnectionException(false, ((OdooFailure) refused).odooError(), refused);
    }

    private String apiKey() {
        return config.integration().apiKey().orElseThrow(() -> new OdooConnectionException(false,
                Map.of("message", "odoo.integration.api-key is not configured"), null));
    }

    private static <T> T decodeOrFail(Function<Object, T> decode, Object value) {
        try {
            return decode.apply(value);
        } catch (RuntimeException unexpected) {
            if (unexpected instanceof OdooFailure) {
                throw unexpected;
            }
            throw OdooErrors.protocol("Unexpected answer shape: " + unexpected.getMessage());
        }
    }

    public OdooCache cache() {
        return cache;
    }

    public OdooResilience resilience() {
        return resilience;
    }
}
