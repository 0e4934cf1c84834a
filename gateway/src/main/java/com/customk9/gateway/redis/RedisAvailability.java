package com.customk9.gateway.redis;

import java.time.Instant;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.customk9.gateway.route.Deadlines;
import com.customk9.gateway.route.GatewayConfig;

import io.vertx.core.Future;
import io.vertx.core.Promise;

/**
 * Whether the shared Redis answers. Every Redis call of the gateway goes through {@link #call}: a
 * call slower than {@code redis-timeout} or failing marks Redis down; while it is down, calls fail
 * at once (the callers fall back: the local rate limiter, fail-open revocation) and one call per
 * {@code redis-retry-interval} is let through to notice its return.
 */
@Singleton
public class RedisAvailability {

    private static final Logger LOG = Logger.getLogger(RedisAvailability.class);

    private final Deadlines deadlines;
    private final long timeoutMillis;
    private final long retryNanos;

    private volatile boolean down;
    private volatile Instant downSince;
    private volatile String lastError;
    private volatile long nextTryNanos;

    public RedisAvailability(Deadlines deadlines, GatewayConfig config) {
        this.deadlines = deadlines;
        this.timeoutMillis = config.rateLimit().redisTimeout().toMillis();
        this.retryNanos = config.rateLimit().redisRetryInterval().toNanos();
    }

    public <T> Future<T> call(Supplier<Future<T>> command) {
        if (down && System.nanoTime() < nextTryNanos) {
            return Future.failedFuture(new RedisUnavailableException(lastError));
        }
        if (down) {
            nextTryNanos = System.nanoTime() + retryNanos;
        }
        Promise<T> result = Promise.promise();
        Deadlines.Deadline deadline = deadlines.schedule(timeoutMillis,
                () -> result.tryFail(new TimeoutException("Redis did not answer within " + timeoutMillis + " ms")));
        Future<T> attempt;
        try {
            attempt = command.get();
        } catch (RuntimeException e) {
            attempt = Future.failedFuture(e);
        }
        attempt.onComplete(done -> {
            deadline.cancel();
            if (done.succeeded()) {
                result.tryComplete(done.result());
            } else {
                result.tryFail(done.cause());
            }
        });
        return result.future().andThen(done -> {
            if (done.succeeded()) {
                up();
            } else if (!isReplyError(done.cause())) {
                markDown(done.cause());
            }
        });
    }

    private void up() {
        if (down) {
            down = false;
            downSince = null;
            LOG.infof("Redis answers again: shared rate limits, revocation checks and the webhook replay guard are back");
        }
    }

    private synchronized void markDown(Throwable cause) {
        lastError = cause.toString();
        if (!down) {
            down = true;
            downSince = Instant.now();
            LOG.warnf("Redis is unavailable (%s): rate limits fall back to this instance's memory", lastError);
        }
        nextTryNanos = System.nanoTime() + retryNanos;
    }

    /** An error Redis itself answered (wrong type, NOSCRIPT...) says Redis is up. */
    private static boolean isReplyError(Throwable cause) {
        return cause instanceof io.vertx.redis.client.impl.types.ErrorType;
    }

    public boolean isDown() {
        return down;
    }

    public Instant downSince() {
        return downSince;
    }

    public String lastError() {
        return lastError;
    }

    /** Redis could not be asked; the message is the last failure seen. */
    public static class RedisUnavailableException extends RuntimeException {
        public RedisUnavailableException(String message) {
            super("Redis is unavailable: " + message, null, false, false);
        }
    }
}
