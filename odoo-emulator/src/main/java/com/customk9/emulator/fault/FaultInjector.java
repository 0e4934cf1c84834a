package com.customk9.emulator.fault;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The faults a test switched on for the Odoo surfaces (/api/v2, /jsonrpc, /web/*): added latency,
 * a rate of server errors, a full outage, serialization failures on the next writes. Sessions are
 * expired directly by the admin endpoint. Nothing here touches /emulator or the host's own paths.
 */
@ApplicationScoped
public class FaultInjector {

    /** The message PostgreSQL gives a transaction it refused to serialize. */
    public static final String SERIALIZATION_FAILURE_MESSAGE = "could not serialize access due to concurrent update";

    /** How a down Odoo looks to a client. */
    public enum OutageMode {
        /** The connection is closed without an answer: a crashed or killed Odoo (client sees a connection error). */
        CLOSE("close"),
        /** 502 Bad Gateway: what nginx in front of a stopped Odoo answers. */
        BAD_GATEWAY("502"),
        /** 503 Service Unavailable: a load balancer with no healthy Odoo behind it. */
        UNAVAILABLE("503");

        private final String wire;

        OutageMode(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        public static OutageMode of(String wire) {
            for (OutageMode mode : values()) {
                if (mode.wire.equalsIgnoreCase(wire)) {
                    return mode;
                }
            }
            throw new IllegalArgumentException("outage mode must be one of close, 502, 503");
        }
    }

    /** What an injected server error looks like. */
    public enum ErrorStyle {
        /** As Odoo reports an exception: JSON-RPC error (HTTP 200) on /jsonrpc and /web, HTTP 500 envelope on /api/v2. */
        ODOO,
        /** A bare HTTP 500 "Internal Server Error" page on every surface (a worker crash behind a proxy). */
        HTTP;

        public static ErrorStyle of(String wire) {
            try {
                return valueOf(wire.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("error style must be odoo or http");
            }
        }
    }

    public record ErrorRate(double rate, ErrorStyle style, String pathPrefix) {
    }

    private final Map<String, Long> latencyByPrefix = new ConcurrentHashMap<>();
    private volatile ErrorRate errorRate;
    private volatile OutageMode outage;
    private final AtomicInteger serializationFailures = new AtomicInteger();
    private volatile Random random = new Random();

    /** Delay every request whose path starts with {@code pathPrefix} ("" or "/" for all surfaces). */
    public void setLatency(String pathPrefix, long millis) {
        if (millis < 0 || millis > 600_000) {
            throw new IllegalArgumentException("ms must be between 0 and 600000");
        }
        latencyByPrefix.put(normalize(pathPrefix), millis);
    }

    public void clearLatency() {
        latencyByPrefix.clear();
    }

    /** The delay for a path: the rule with the longest matching prefix wins. */
    public long latencyFor(String path) {
        String best = null;
        for (String prefix : latencyByPrefix.keySet()) {
            if (path.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return best == null ? 0 : latencyByPrefix.getOrDefault(best, 0L);
    }

    /**
     * Holds the calling worker thread for the latency configured for {@code path}: the surfaces call
     * it after reading the request, before answering.
     */
    public void delay(String path) {
        long millis = latencyFor(path);
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void setErrorRate(double rate, ErrorStyle style, String pathPrefix, Long seed) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate must be between 0 and 1");
        }
        random = seed == null ? new Random() : new Random(seed);
        errorRate = new ErrorRate(rate, style, normalize(pathPrefix));
    }

    public void clearErrorRate() {
        errorRate = null;
    }

    /** Rolls the dice for a request on {@code path}: true when it must fail in the given style. */
    public boolean serverErrorNow(String path, ErrorStyle style) {
        ErrorRate current = errorRate;
        if (current == null || current.style() != style || !path.startsWith(current.pathPrefix())) {
            return false;
        }
        return current.rate() >= 1.0 || random.nextDouble() < current.rate();
    }

    public void setOutage(OutageMode mode) {
        outage = mode;
    }

    public void clearOutage() {
        outage = null;
    }

    public Optional<OutageMode> outage() {
        return Optional.ofNullable(outage);
    }

    public void failNextWrites(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        serializationFailures.set(count);
    }

    /** True when this write must fail with a serialization failure (and one fewer remains). */
    public boolean takeSerializationFailure() {
        return serializationFailures.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    public void clear() {
        clearLatency();
        clearErrorRate();
        clearOutage();
        serializationFailures.set(0);
    }

    public Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        List<Map<String, Object>> latency = new ArrayList<>();
        latencyByPrefix.forEach((prefix, ms) -> {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("path_prefix", prefix);
            rule.put("ms", ms);
            latency.add(rule);
        });
        snapshot.put("latency", latency);
        ErrorRate current = errorRate;
        if (current == null) {
            snapshot.put("error_rate", null);
        } else {
            Map<String, Object> rate = new LinkedHashMap<>();
            rate.put("rate", current.rate());
            rate.put("style", current.style().name().toLowerCase(Locale.ROOT));
            rate.put("path_prefix", current.pathPrefix());
            snapshot.put("error_rate", rate);
        }
        snapshot.put("outage", outage == null ? null : outage.wire());
        snapshot.put("serialization_failures_pending", serializationFailures.get());
        return snapshot;
    }

    private static String normalize(String pathPrefix) {
        if (pathPrefix == null || pathPrefix.isBlank() || pathPrefix.equals("/")) {
            return "/";
        }
        return pathPrefix.startsWith("/") ? pathPrefix : "/" + pathPrefix;
    }
}
