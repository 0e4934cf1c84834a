package com.customk9.gateway.upstream;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.customk9.gateway.route.GatewayConfig;

/**
 * One named circuit breaker per upstream ({@code host:port}), shared by every route to it. It opens
 * after {@code breaker-failures} failures (unreachable, too slow, 502/503/504) within
 * {@code failure-window} with no success in between; while open the gateway answers 503 without
 * calling; after {@code breaker-reset-timeout} one trial call goes through and its outcome closes or
 * reopens it. State changes are logged.
 * <p>
 * The same rules as vertx-circuit-breaker (which the gateway used before), without its costs on every
 * proxied request: it completed each call through another event-loop task (so the upstream's
 * answer was relayed one task later, after its body had been buffered) and took a lock per call. Here
 * a closed breaker costs a volatile read per call, and a lock only when something changes.
 */
@Singleton
public class UpstreamBreakers {

    private static final Logger LOG = Logger.getLogger(UpstreamBreakers.class);

    public enum State {
        CLOSED, OPEN, HALF_OPEN
    }

    private final int maxFailures;
    private final long windowNanos;
    private final long resetNanos;
    private final ConcurrentMap<String, Breaker> breakers = new ConcurrentHashMap<>();
    /** The routes' upstream URIs (a handful) to their breakers, without building the name per call. */
    private final ConcurrentMap<URI, Breaker> byUri = new ConcurrentHashMap<>();

    public UpstreamBreakers(GatewayConfig config) {
        GatewayConfig.Upstreams upstreams = config.upstreams();
        this.maxFailures = Math.max(1, upstreams.breakerFailures());
        this.windowNanos = upstreams.failureWindow().toNanos();
        this.resetNanos = upstreams.breakerResetTimeout().toNanos();
    }

    public Breaker of(URI upstream) {
        Breaker breaker = byUri.get(upstream);
        if (breaker == null) {
            breaker = breakers.computeIfAbsent(name(upstream), Breaker::new);
            byUri.putIfAbsent(upstream, breaker);
        }
        return breaker;
    }

    public State state(URI upstream) {
        Breaker breaker = breakers.get(name(upstream));
        return breaker == null ? State.CLOSED : breaker.state();
    }

    static String name(URI upstream) {
        int port = upstream.getPort() != -1 ? upstream.getPort() : "https".equals(upstream.getScheme()) ? 443 : 80;
        return upstream.getHost() + ":" + port;
    }

    /**
     * One upstream's breaker. A call that {@link #tryAcquire() was let through} must end in exactly one
     * of {@link #succeeded()}, {@link #failed()} or {@link #released()} (abandoned for the client's
     * reasons: says nothing about the upstream).
     */
    public final class Breaker {

        private final String name;
        private volatile State state = State.CLOSED;
        /** True while failures are counted, so that a success on a healthy upstream writes nothing. */
        private volatile boolean failing;
        /** When an open breaker lets its trial call through (System.nanoTime). */
        private volatile long openUntil;
        /** Guarded by this: failure times within the window (closed), whether the trial call went (half-open). */
        private final ArrayDeque<Long> failures = new ArrayDeque<>();
        private boolean trialTaken;

        Breaker(String name) {
            this.name = name;
        }

        public State state() {
            return state;
        }

        /** Whether a call may go to the upstream now; false: answer 503 without calling. */
        public boolean tryAcquire() {
            State current = state;
            if (current == State.CLOSED) {
                return true;
            }
            if (current == State.OPEN && System.nanoTime() - openUntil < 0) {
                return false;
            }
            synchronized (this) {
                if (state == State.OPEN && System.nanoTime() - openUntil >= 0) {
                    state = State.HALF_OPEN;
                    trialTaken = false;
                    LOG.infof("Circuit breaker for upstream %s HALF-OPEN: one trial call", name);
                }
                if (state == State.HALF_OPEN && !trialTaken) {
                    trialTaken = true;
                    return true;
                }
                return state == State.CLOSED;
            }
        }

        public void succeeded() {
            if (state == State.CLOSED && !failing) {
                return;
            }
            synchronized (this) {
                failures.clear();
                failing = false;
                if (state == State.HALF_OPEN) {
                    state = State.CLOSED;
                    LOG.infof("Circuit breaker for upstream %s CLOSED", name);
                }
            }
        }

        public synchronized void failed() {
            switch (state) {
                case HALF_OPEN -> open();
                case OPEN -> {
                    // A call started before the breaker opened: it is open already.
                }
                case CLOSED -> {
                    long now = System.nanoTime();
                    failures.addLast(now);
                    failing = true;
                    while (now - failures.peekFirst() > windowNanos) {
                        failures.removeFirst();
                    }
                    if (failures.size() >= maxFailures) {
                        open();
                    }
                }
            }
        }

        /** The call was abandoned (client gone, body too large): a trial call may go again. */
        public synchronized void released() {
            if (state == State.HALF_OPEN) {
                trialTaken = false;
            }
        }

        private void open() {
            state = State.OPEN;
            failures.clear();
            failing = false;
            openUntil = System.nanoTime() + resetNanos;
            LOG.warnf("Circuit breaker for upstream %s OPEN: calls refused with 503", name);
        }
    }
}
