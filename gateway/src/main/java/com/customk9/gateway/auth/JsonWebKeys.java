package com.customk9.gateway.auth;

import java.security.PublicKey;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.lang.JoseException;

import com.customk9.gateway.route.GatewayConfig;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * auth-service's signing keys, from its JWKS: fetched on first need, kept, fetched again when a
 * token names a {@code kid} not seen yet (at most once per {@code min-refresh-interval}, so
 * made-up kids cannot make the gateway hammer auth-service) and after {@code refresh-interval}.
 * Concurrent needs share one fetch.
 */
@Singleton
public class JsonWebKeys {

    private static final Logger LOG = Logger.getLogger(JsonWebKeys.class);

    private final GatewayConfig.Jwt config;
    private final HttpClient client;

    private volatile Map<String, PublicKey> keys = Map.of();
    private long lastAttemptNanos;
    private boolean attempted;
    private volatile boolean lastAttemptFailed;
    private volatile long lastSuccessNanos;
    private Future<Void> inFlight;

    public JsonWebKeys(GatewayConfig config, Vertx vertx) {
        this.config = config.jwt();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) this.config.fetchTimeout().toMillis())
                .setMaxPoolSize(2));
    }

    /** The key with this id; fails with {@link InvalidTokenException} when auth-service has no such key. */
    public Future<PublicKey> key(String kid) {
        PublicKey key = keys.get(kid);
        if (key != null) {
            if (System.nanoTime() - lastSuccessNanos > config.refreshInterval().toNanos()) {
                refreshIfAllowed();
            }
            return Future.succeededFuture(key);
        }
        Future<Void> refresh = refreshIfAllowed();
        if (refresh == null) {
            return Future.failedFuture(lastAttemptFailed
                    ? new KeysUnavailableException("the key set could not be fetched recently", null)
                    : new InvalidTokenException("unknown key id " + kid));
        }
        return refresh.transform(done -> {
            PublicKey fetched = keys.get(kid);
            if (fetched != null) {
                return Future.succeededFuture(fetched);
            }
            return Future.failedFuture(done.failed()
                    ? new KeysUnavailableException("the key set could not be fetched", done.cause())
                    : new InvalidTokenException("unknown key id " + kid));
        });
    }

    /** Starts (or joins) a fetch unless one happened too recently; null when none is allowed now. */
    private synchronized Future<Void> refreshIfAllowed() {
        if (inFlight != null) {
            return inFlight;
        }
        long now = System.nanoTime();
        if (attempted && now - lastAttemptNanos < config.minRefreshInterval().toNanos()) {
            return null;
        }
        attempted = true;
        lastAttemptNanos = now;
        Future<Void> fetch = fetch().andThen(done -> {
            synchronized (this) {
                inFlight = null;
            }
            lastAttemptFailed = done.failed();
            if (done.failed()) {
                LOG.warnf("Fetching the JWKS from %s failed: %s", config.jwksUrl(), done.cause().toString());
            }
        });
        inFlight = fetch;
        return fetch;
    }

    private Future<Void> fetch() {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(config.jwksUrl().toString())
                .setTimeout(config.fetchTimeout().toMillis())
                .putHeader("Accept", "application/json");
        Promise<Void> done = Promise.promise();
        client.request(options)
                .compose(request -> request.send())
                .compose(response -> {
                    if (response.statusCode() != 200) {
                        return Future.failedFuture("JWKS answered HTTP " + response.statusCode());
                    }
                    return response.body();
                })
                .onSuccess(body -> {
                    try {
                        keys = parse(body.toString());
                        lastSuccessNanos = System.nanoTime();
                        LOG.infof("Loaded %d signing key(s) from %s: %s", keys.size(), config.jwksUrl(), keys.keySet());
                        done.complete();
                    } catch (JoseException | RuntimeException e) {
                        done.fail(e);
                    }
                })
                .onFailure(done::tryFail);
        return done.future();
    }

    /** The RSA signature keys with a kid; anything else in the set is ignored. */
    static Map<String, PublicKey> parse(String json) throws JoseException {
        Map<String, PublicKey> parsed = new HashMap<>();
        for (JsonWebKey key : new JsonWebKeySet(json).getJsonWebKeys()) {
            boolean forSigning = key.getUse() == null || "sig".equals(key.getUse());
            boolean rs256 = key.getAlgorithm() == null || AlgorithmIdentifiers.RSA_USING_SHA256.equals(key.getAlgorithm());
            if (key instanceof RsaJsonWebKey rsa && key.getKeyId() != null && forSigning && rs256) {
                parsed.put(key.getKeyId(), rsa.getRsaPublicKey());
            }
        }
        return Map.copyOf(parsed);
    }

    /** Seconds since the key set was last loaded, -1 when never (for health data). */
    public long ageSeconds() {
        return lastSuccessNanos == 0 ? -1 : TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - lastSuccessNanos);
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
