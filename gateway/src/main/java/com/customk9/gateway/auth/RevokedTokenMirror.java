package com.customk9.gateway.auth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.customk9.gateway.route.GatewayConfig;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.ProtocolVersion;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * This instance's copy of the revoked-jti keys, so that a request's revocation check costs no Redis
 * round trip. auth-service announces every revocation on a Pub/Sub channel (jti and expiry, written by
 * the same script as the key); the copy follows that channel over a connection of its own.
 * <p>
 * Pub/Sub forgets what a subscriber did not hear, so on every (re)subscription the copy first
 * subscribes and only then loads the existing keys ({@code SCAN MATCH <prefix>* COUNT 1000}, then
 * {@code PTTL} of each): a revocation made during the load is heard, one made before it is found,
 * and one made while the subscription was down is found by the load that follows. Revocations are
 * never undone, so the order in which the two arrive does not matter. Entries are dropped once
 * expired (the token is refused as expired from then on anyway).
 * <p>
 * The copy is <em>in sync</em> from the end of a load until the subscription fails, closes or stops
 * answering the heartbeat PING; only then may "not in the copy" be taken as "not revoked". While it is
 * not in sync ({@link #inSync()} false), callers ask Redis as before; a jti already in the copy is
 * revoked whatever the state. Everything but {@link #contains} runs on one Vert.x context.
 */
@Singleton
public class RevokedTokenMirror {

    private static final Logger LOG = Logger.getLogger(RevokedTokenMirror.class);
    /** The subscription's client name (CLIENT LIST), so operators can tell it apart. */
    static final String CONNECTION_NAME = "customk9-gateway-revocations";
    private static final int SCAN_COUNT = 1000;
    private static final long SWEEP_INTERVAL_MILLIS = 30_000;

    /** The states readiness reports. */
    public enum State {
        /** Switched off: every check asks Redis. */
        OFF("off"),
        /** Subscribing (or waiting to try again): checks ask Redis. */
        OUT_OF_SYNC("out-of-sync"),
        /** Subscribed, loading the existing keys: checks ask Redis. */
        SYNCING("syncing"),
        /** Subscribed and loaded: checks are local. */
        IN_SYNC("in-sync");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Vertx vertx;
    private final GatewayConfig.RevocationMirror config;
    private final String keyPrefix;
    private final long timeoutMillis;
    private final RedisOptions options;

    /** jti -> end of its revocation in epoch milliseconds ({@link Long#MAX_VALUE}: a key without expiry). */
    private final ConcurrentMap<String, Long> revoked = new ConcurrentHashMap<>();

    private volatile State state;
    private volatile Instant since = Instant.now();
    private volatile String lastError;

    // Touched only on the mirror's context.
    private Context context;
    private Redis client;
    private RedisConnection connection;
    /** Bumped whenever a subscription is given up, so late callbacks of an old one are ignored. */
    private int generation;
    private long heartbeatTimer = -1;
    private long sweepTimer = -1;
    private boolean closed;

    public RevokedTokenMirror(Vertx vertx, GatewayConfig config,
            @ConfigProperty(name = "quarkus.redis.hosts") List<String> hosts,
            @ConfigProperty(name = "quarkus.redis.password") Optional<String> password) {
        this.vertx = vertx;
        this.config = config.jwt().revocationMirror();
        this.keyPrefix = config.jwt().revokedJtiPrefix();
        this.timeoutMillis = config.rateLimit().redisTimeout().toMillis();
        // RESP3: announcements arrive as push messages, apart from command replies (the heartbeat's).
        RedisOptions mirror = new RedisOptions()
                .setConnectionString(hosts.get(0).trim())
                .setPreferredProtocolVersion(ProtocolVersion.RESP3)
                // One connection subscribed, one for the loads.
                .setMaxPoolSize(2)
                .setMaxPoolWaiting(16);
        password.ifPresent(mirror::setPassword);
        this.options = mirror;
        this.state = this.config.enabled() ? State.OUT_OF_SYNC : State.OFF;
    }

    void start(@Observes StartupEvent started) {
        if (!config.enabled()) {
            return;
        }
        context = vertx.getOrCreateContext();
        context.runOnContext(ignored -> {
            client = Redis.createClient(vertx, options);
            sweepTimer = vertx.setPeriodic(SWEEP_INTERVAL_MILLIS, id -> sweep());
            subscribe();
        });
    }

    /** Whether "not in the copy" means "not revoked" right now. */
    public boolean inSync() {
        return state == State.IN_SYNC;
    }

    /** Whether the copy holds the jti as revoked (true is final whatever the state; false is only final in sync). */
    public boolean contains(String tokenId) {
        Long until = revoked.get(tokenId);
        return until != null && until > System.currentTimeMillis();
    }

    public State state() {
        return state;
    }

    public Instant since() {
        return since;
    }

    public String lastError() {
        return lastError;
    }

    public int size() {
        return revoked.size();
    }

    private void subscribe() {
        if (closed) {
            return;
        }
        int subscription = ++generation;
        client.connect().onComplete(connected -> {
            if (connected.failed()) {
                giveUp(subscription, connected.cause());
                return;
            }
            RedisConnection opened = connected.result();
            if (subscription != generation) {
                opened.close();
                return;
            }
            connection = opened;
            opened.handler(push -> onPush(subscription, push));
            opened.exceptionHandler(error -> giveUp(subscription, error));
            opened.endHandler(ignored -> giveUp(subscription, new IllegalStateException("subscription connection closed")));
            within(opened.send(Request.cmd(Command.CLIENT).arg("SETNAME").arg(CONNECTION_NAME)))
                    .compose(named -> opened.send(Request.cmd(Command.SUBSCRIBE).arg(config.channel())))
                    .onFailure(error -> giveUp(subscription, error));
            // The confirmation comes back as a "subscribe" push message: the load starts there.
        });
    }

    private void onPush(int subscription, Response push) {
        if (subscription != generation || push == null || push.size() < 3) {
            return;
        }
        String kind = push.get(0).toString();
        if ("subscribe".equalsIgnoreCase(kind)) {
            moveTo(State.SYNCING);
            LOG.debugf("Subscribed to %s, loading the revoked tokens", config.channel());
            scan(subscription, "0", 0);
        } else if ("message".equalsIgnoreCase(kind)) {
            if (!record(push.get(2).toString())) {
                // Missing one would leave a revoked token accepted: reload rather than guess.
                giveUp(subscription, new IllegalArgumentException("unreadable announcement: " + push.get(2)));
            }
        }
    }

    /** Applies one announcement ({@code {"jti": ..., "exp": <epoch seconds>}}); false when unreadable. */
    boolean record(String announcement) {
        try {
            JsonObject message = new JsonObject(announcement);
            String jti = message.getString("jti");
            Long exp = message.getLong("exp");
            if (jti == null || jti.isEmpty() || exp == null) {
                return false;
            }
            remember(jti, exp * 1000);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void remember(String jti, long untilMillis) {
        if (untilMillis > System.currentTimeMillis()) {
            revoked.merge(jti, untilMillis, Math::max);
        }
    }

    /** One page of SCAN, then the expiries of its keys in one pipelined batch, then the next page. */
    private void scan(int subscription, String cursor, int loaded) {
        if (subscription != generation) {
            return;
        }
        within(client.send(Request.cmd(Command.SCAN).arg(cursor).arg("MATCH").arg(keyPrefix + "*").arg("COUNT").arg(SCAN_COUNT)))
                .compose(page -> {
                    String next = page.get(0).toString();
                    List<String> keys = new ArrayList<>();
                    page.get(1).forEach(key -> keys.add(key.toString()));
                    if (keys.isEmpty()) {
                        return Future.succeededFuture(new ScannedPage(next, 0));
                    }
                    List<Request> expiries = new ArrayList<>(keys.size());
                    keys.forEach(key -> expiries.add(Request.cmd(Command.PTTL).arg(key)));
                    long askedAt = System.currentTimeMillis();
                    return within(client.batch(expiries)).map(ttls -> {
                        int found = 0;
                        for (int i = 0; i < keys.size(); i++) {
                            long ttl = ttls.get(i).toLong();
                            if (ttl == -2) {
                                continue; // expired or deleted since the SCAN
                            }
                            // The expiry is measured from before the batch was sent: it can only end early.
                            remember(keys.get(i).substring(keyPrefix.length()), ttl == -1 ? Long.MAX_VALUE : askedAt + ttl);
                            found++;
                        }
                        return new ScannedPage(next, found);
                    });
                })
                .onComplete(done -> {
                    if (subscription != generation) {
                        return;
                    }
                    if (done.failed()) {
                        giveUp(subscription, done.cause());
                    } else if (!"0".equals(done.result().cursor())) {
                        scan(subscription, done.result().cursor(), loaded + done.result().found());
                    } else {
                        moveTo(State.IN_SYNC);
                        lastError = null;
                        LOG.infof("Revoked tokens in sync (%d loaded): revocation is checked locally", loaded + done.result().found());
                        heartbeat(subscription);
                    }
                });
    }

    private record ScannedPage(String cursor, int found) {
    }

    private void heartbeat(int subscription) {
        heartbeatTimer = vertx.setTimer(config.heartbeatInterval().toMillis(), id -> {
            RedisConnection open = connection;
            if (subscription != generation || open == null) {
                return;
            }
            within(open.send(Request.cmd(Command.PING))).onComplete(pong -> {
                if (pong.failed()) {
                    giveUp(subscription, pong.cause());
                } else {
                    heartbeat(subscription);
                }
            });
        });
    }

    /** Out of sync: drops the subscription and opens a new one after the retry interval. */
    private void giveUp(int subscription, Throwable error) {
        if (subscription != generation) {
            return;
        }
        generation++;
        lastError = error.toString();
        if (state != State.OUT_OF_SYNC) {
            LOG.warnf("Revoked tokens out of sync (%s): revocation is asked of Redis until resubscribed", lastError);
        }
        moveTo(State.OUT_OF_SYNC);
        if (heartbeatTimer != -1) {
            vertx.cancelTimer(heartbeatTimer);
            heartbeatTimer = -1;
        }
        RedisConnection broken = connection;
        connection = null;
        if (broken != null) {
            broken.close();
        }
        if (!closed) {
            vertx.setTimer(config.retryInterval().toMillis(), id -> subscribe());
        }
    }

    private void moveTo(State next) {
        if (state != next) {
            state = next;
            since = Instant.now();
        }
    }

    private void sweep() {
        long now = System.currentTimeMillis();
        revoked.values().removeIf(until -> until <= now);
    }

    /** The command's outcome, or a failure after the Redis timeout. */
    private <T> Future<T> within(Future<T> command) {
        Promise<T> result = Promise.promise();
        long timer = vertx.setTimer(timeoutMillis,
                id -> result.tryFail(new TimeoutException("Redis did not answer within " + timeoutMillis + " ms")));
        command.onComplete(done -> {
            vertx.cancelTimer(timer);
            if (done.succeeded()) {
                result.tryComplete(done.result());
            } else {
                result.tryFail(done.cause());
            }
        });
        return result.future();
    }

    @PreDestroy
    void close() {
        if (context == null) {
            return;
        }
        context.runOnContext(ignored -> {
            closed = true;
            generation++;
            if (sweepTimer != -1) {
                vertx.cancelTimer(sweepTimer);
            }
            if (heartbeatTimer != -1) {
                vertx.cancelTimer(heartbeatTimer);
            }
            if (client != null) {
                client.close();
            }
        });
    }
}
