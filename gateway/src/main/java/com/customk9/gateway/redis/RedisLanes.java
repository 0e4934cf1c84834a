package com.customk9.gateway.redis;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.netty.util.concurrent.FastThreadLocal;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * Redis for the per-request commands (the rate-limit script, the revocation lookup): one connection
 * per event loop, opened from that loop and kept, commands pipelined on it.
 * <p>
 * Why not the pooled client: its pool lends any idle connection to any caller, and a connection lives
 * on the event loop that opened it, so most commands were written and answered on another thread
 * than the request's, with a task hand-over (and wake-up) each way, plus a lease and a release per
 * command. Here a command is one write on the caller's own loop; its answer comes back on that loop.
 * <p>
 * A lane's connection is dropped when it fails or closes, and opened again by the next command.
 * Callers go through {@link RedisAvailability#call}, which times commands out and fails fast while
 * Redis is down, so a Redis outage does not make every request try to connect. Off the event loops
 * (rare: blocking callers) the extension's pooled client is used.
 * <p>
 * The lanes take {@code quarkus.redis.hosts} (the first one; password and database in the URL) and
 * {@code quarkus.redis.password}; other {@code quarkus.redis.*} settings (TLS trust, client name...)
 * apply to the pooled client only.
 */
@Singleton
public class RedisLanes {

    private static final Logger LOG = Logger.getLogger(RedisLanes.class);

    /**
     * Commands in flight on one lane before it refuses more: far above what an event loop can have
     * outstanding in practice, so a burst is never mistaken for a Redis outage.
     */
    private static final int MAX_IN_FLIGHT = 65_536;

    private final Vertx vertx;
    private final Redis pooled;
    private final RedisOptions options;
    private final java.util.Set<Lane> all = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final FastThreadLocal<Lane> lanes = new FastThreadLocal<>() {
        @Override
        protected Lane initialValue() {
            Lane lane = new Lane();
            all.add(lane);
            return lane;
        }
    };

    public RedisLanes(Vertx vertx, Redis pooled,
            @ConfigProperty(name = "quarkus.redis.hosts") List<String> hosts,
            @ConfigProperty(name = "quarkus.redis.password") Optional<String> password) {
        this.vertx = vertx;
        this.pooled = pooled;
        RedisOptions lane = new RedisOptions()
                .setConnectionString(hosts.get(0).trim())
                .setMaxPoolSize(1)
                .setMaxPoolWaiting(MAX_IN_FLIGHT)
                .setMaxWaitingHandlers(MAX_IN_FLIGHT);
        password.ifPresent(lane::setPassword);
        this.options = lane;
    }

    public Future<Response> send(Request request) {
        Context context = Vertx.currentContext();
        if (context == null || !context.isEventLoopContext() || !Context.isOnEventLoopThread()) {
            // Off the event loops, or no Vert.x context to open a lane's connection on: the pooled client.
            return pooled.send(request);
        }
        return lanes.get().send(request);
    }

    /** One event loop's connection; only ever touched from that loop. */
    private final class Lane {

        private Redis client;
        private RedisConnection connection;
        private Future<RedisConnection> connecting;

        Future<Response> send(Request request) {
            RedisConnection open = connection;
            if (open != null) {
                return open.send(request);
            }
            return connect().compose(opened -> opened.send(request));
        }

        private Future<RedisConnection> connect() {
            if (connecting != null) {
                return connecting;
            }
            if (client == null) {
                client = Redis.createClient(vertx, new RedisOptions(options));
            }
            Future<RedisConnection> attempt = client.connect();
            connecting = attempt;
            attempt.onComplete(done -> {
                connecting = null;
                if (done.failed()) {
                    return;
                }
                RedisConnection opened = done.result();
                connection = opened;
                opened.exceptionHandler(error -> drop(opened, error));
                opened.endHandler(ignored -> drop(opened, null));
            });
            return attempt;
        }

        private void drop(RedisConnection broken, Throwable error) {
            if (connection != broken) {
                return;
            }
            connection = null;
            LOG.debugf("Redis lane connection dropped: %s", error == null ? "closed" : error.toString());
            broken.close();
        }

        void close() {
            if (client != null) {
                client.close();
            }
        }
    }

    @PreDestroy
    void close() {
        all.forEach(Lane::close);
    }
}
