package com.customk9.emulator.fault;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * How many requests reached each Odoo surface, and which model methods they called: the client
 * benchmark reads it to count the Odoo calls a use case costs.
 */
@ApplicationScoped
public class RequestStats {

    private final Map<OdooSurface, LongAdder> requests = new EnumMap<>(OdooSurface.class);
    private final Map<Call, LongAdder> calls = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> since = new AtomicReference<>(Instant.now());

    public RequestStats() {
        for (OdooSurface surface : OdooSurface.values()) {
            requests.put(surface, new LongAdder());
        }
    }

    /** One call as the surfaces name it: model may be null (common.login, /api/v2/test...). */
    public record Call(String surface, String model, String method) {
    }

    /** Every request that arrived on a surface, including those a fault then refused. */
    public void countRequest(OdooSurface surface) {
        requests.get(surface).increment();
    }

    /** A request a surface understood: which model and method it asked for. */
    public void countCall(OdooSurface surface, String model, String method) {
        calls.computeIfAbsent(new Call(surface.key(), model, Objects.requireNonNullElse(method, "?")), c -> new LongAdder())
                .increment();
    }

    public long requests(OdooSurface surface) {
        return requests.get(surface).sum();
    }

    public long calls(OdooSurface surface, String model, String method) {
        LongAdder adder = calls.get(new Call(surface.key(), model, method));
        return adder == null ? 0 : adder.sum();
    }

    public void reset() {
        requests.values().forEach(LongAdder::reset);
        calls.clear();
        since.set(Instant.now());
    }

    public Map<String, Object> snapshot() {
        Map<String, Object> bySurface = new LinkedHashMap<>();
        long total = 0;
        for (OdooSurface surface : OdooSurface.values()) {
            long count = requests.get(surface).sum();
            bySurface.put(surface.key(), count);
            total += count;
        }
        List<Map<String, Object>> callList = new ArrayList<>();
        calls.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Call, LongAdder> e) -> e.getKey().surface())
                        .thenComparing(e -> Objects.requireNonNullElse(e.getKey().model(), ""))
                        .thenComparing(e -> e.getKey().method()))
                .forEach(e -> {
                    Map<String, Object> call = new LinkedHashMap<>();
                    call.put("surface", e.getKey().surface());
                    call.put("model", e.getKey().model());
                    call.put("method", e.getKey().method());
                    call.put("count", e.getValue().sum());
                    callList.add(call);
                });
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("since", since.get().toString());
        snapshot.put("total_requests", total);
        snapshot.put("requests", bySurface);
        snapshot.put("calls", callList);
        return snapshot;
    }
}
