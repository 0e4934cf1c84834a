package com.customk9.gateway.route;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

/** The configured routes, and which one a request belongs to. */
@Singleton
public class RouteTable {

    private static final Logger LOG = Logger.getLogger(RouteTable.class);

    private final List<Route> routes;
    /** Routes by the first two segments of their prefixes ({@link #key}), in table order. */
    private final Map<String, List<Route>> byKey;
    /** Routes with a prefix shorter than two segments, or ending in '/': candidates for every path. */
    private final List<Route> unkeyed;

    public RouteTable(GatewayConfig config) {
        List<Route> resolved = new ArrayList<>();
        config.routes().forEach((name, route) -> {
            for (String prefix : route.prefix()) {
                if (!prefix.startsWith("/")) {
                    throw new IllegalArgumentException("customk9.gateway.routes." + name + ".prefix must start with '/': " + prefix);
                }
            }
            route.upstream().ifPresent(uri -> {
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    throw new IllegalArgumentException("customk9.gateway.routes." + name + ".upstream must be http(s)://host[:port]: " + uri);
                }
            });
            resolved.add(new Route(name, List.copyOf(route.prefix()),
                    route.methods().map(RouteTable::upper).orElse(Set.of()),
                    route.upstream().orElse(null),
                    route.publicRoute(),
                    route.roles().map(Set::copyOf).orElse(Set.of()),
                    route.timeout().orElse(config.defaultTimeout()),
                    route.rateLimit().isPresent() ? OptionalInt.of(route.rateLimit().getAsInt()) : OptionalInt.empty(),
                    route.rateLimitKey(),
                    route.maxBodySize().orElse(config.maxBodySize()).asLongValue()));
        });
        this.routes = List.copyOf(resolved);
        Map<String, List<Route>> keyed = new HashMap<>();
        List<Route> everywhere = new ArrayList<>();
        for (Route route : routes) {
            for (String prefix : route.prefixes()) {
                String key = prefix.endsWith("/") ? null : key(prefix);
                List<Route> bucket = key == null ? everywhere : keyed.computeIfAbsent(key, ignored -> new ArrayList<>());
                if (!bucket.contains(route)) {
                    bucket.add(route);
                }
            }
        }
        keyed.replaceAll((key, bucket) -> List.copyOf(bucket));
        this.byKey = Map.copyOf(keyed);
        this.unkeyed = List.copyOf(everywhere);
        routes.forEach(route -> LOG.debugf("route %s %s -> %s (public=%s, roles=%s)", route.name(), route.prefixes(),
                route.local() ? "gateway" : route.upstream(), route.publicRoute(), route.roles()));
    }

    /** The route with the longest prefix matching the path that takes the method; null when none does. */
    public Route match(String method, String path) {
        // A prefix matches on segment boundaries, so a path can only match routes filed under its own
        // first two segments, or the few with shorter prefixes.
        String key = key(path);
        List<Route> candidates = key == null ? null : byKey.get(key);
        Route best = null;
        int bestLength = -1;
        if (candidates != null) {
            for (Route route : candidates) {
                int length = route.allows(method) ? route.matchLength(path) : -1;
                if (length > bestLength || length == bestLength && length >= 0 && specific(route, best)) {
                    best = route;
                    bestLength = length;
                }
            }
        }
        for (Route route : unkeyed) {
            int length = route.allows(method) ? route.matchLength(path) : -1;
            if (length > bestLength || length == bestLength && length >= 0 && specific(route, best)) {
                best = route;
                bestLength = length;
            }
        }
        return bestLength < 0 ? null : best;
    }

    /** The path up to its second segment's end ("/api/blog" of "/api/blog/posts"); null with fewer than two segments. */
    static String key(String path) {
        int first = path.indexOf('/', 1);
        if (first < 0) {
            return null;
        }
        int second = path.indexOf('/', first + 1);
        return second < 0 ? path : path.substring(0, second);
    }

    /** With equal prefixes, a route restricted to some methods beats a catch-all one. */
    private static boolean specific(Route candidate, Route current) {
        return current != null && !candidate.methods().isEmpty() && current.methods().isEmpty();
    }

    public List<Route> routes() {
        return routes;
    }

    private static Set<String> upper(Set<String> methods) {
        return methods.stream().map(method -> method.trim().toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
