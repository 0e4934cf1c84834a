package com.customk9.gateway.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/** The configured routes, and which one a request belongs to. */
@ApplicationScoped
public class RouteTable {

    private static final Logger LOG = Logger.getLogger(RouteTable.class);

    private final List<Route> routes;

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
        routes.forEach(route -> LOG.debugf("route %s %s -> %s (public=%s, roles=%s)", route.name(), route.prefixes(),
                route.local() ? "gateway" : route.upstream(), route.publicRoute(), route.roles()));
    }

    /** The route with the longest prefix matching the path that takes the method; null when none does. */
    public Route match(String method, String path) {
        Route best = null;
        int bestLength = -1;
        for (Route route : routes) {
            if (!route.allows(method)) {
                continue;
            }
            int length = route.matchLength(path);
            if (length > bestLength || length == bestLength && length >= 0 && specific(route, best)) {
                best = route;
                bestLength = length;
            }
        }
        return bestLength < 0 ? null : best;
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
