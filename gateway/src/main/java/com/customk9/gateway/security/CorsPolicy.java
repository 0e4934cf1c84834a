package com.customk9.gateway.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/**
 * CORS for the proxied routes, from Quarkus' own settings ({@code quarkus.http.cors.*}), so one set of
 * keys governs the whole gateway: preflights are answered by Quarkus' CORS filter (the gateway hands
 * them to its Quarkus server), the actual requests of proxied routes are checked here the same way:
 * <ul>
 * <li>no {@code Origin}: not a CORS request, nothing to do;</li>
 * <li>an origin that is configured ({@code origins}: exact values, {@code /regex/}, or {@code *}) or the
 * gateway's own: the response allows it ({@code Access-Control-Allow-Origin}, {@code -Allow-Credentials},
 * {@code -Expose-Headers}, {@code Vary: Origin});</li>
 * <li>any other origin, or a configured origin with a method outside {@code methods}: refused (403).</li>
 * </ul>
 */
@Singleton
public class CorsPolicy {

    /** Why a request was refused, for the error envelope. */
    public enum Verdict {
        ALLOWED, ORIGIN_REFUSED, METHOD_REFUSED
    }

    private static final CharSequence VARY = HttpHeaders.createOptimized("Vary");
    private static final CharSequence ORIGIN = HttpHeaders.createOptimized("Origin");

    private final boolean enabled;
    private final boolean wildcardOrigin;
    private final Set<String> origins;
    private final List<Pattern> originPatterns = new ArrayList<>();
    private final Set<String> methods;
    private final Optional<Boolean> allowCredentials;
    private final String exposedHeaders;

    public CorsPolicy(
            @ConfigProperty(name = "quarkus.http.cors.enabled", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins,
            @ConfigProperty(name = "quarkus.http.cors.methods") Optional<List<String>> methods,
            @ConfigProperty(name = "quarkus.http.cors.exposed-headers") Optional<List<String>> exposedHeaders,
            @ConfigProperty(name = "quarkus.http.cors.access-control-allow-credentials") Optional<Boolean> allowCredentials) {
        this.enabled = enabled;
        List<String> configured = origins.orElse(List.of());
        this.wildcardOrigin = configured.size() == 1 && ("*".equals(configured.get(0)) || "/.*/".equals(configured.get(0)));
        this.origins = Set.copyOf(configured);
        for (String origin : configured) {
            if (origin.length() > 1 && origin.startsWith("/") && origin.endsWith("/")) {
                originPatterns.add(Pattern.compile(origin.substring(1, origin.length() - 1)));
            }
        }
        List<String> allowedMethods = methods.orElse(List.of());
        this.methods = allowedMethods.isEmpty() || allowedMethods.equals(List.of("*")) ? Set.of()
                : allowedMethods.stream().map(method -> method.trim().toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.allowCredentials = allowCredentials;
        this.exposedHeaders = exposedHeaders.filter(list -> !list.isEmpty()).map(list -> String.join(",", list)).orElse(null);
    }

    /** A preflight ({@code OPTIONS} with an origin and a requested method or headers), answered by Quarkus' filter. */
    public boolean isPreflight(HttpServerRequest request) {
        return enabled && request.method() == HttpMethod.OPTIONS && request.getHeader(HttpHeaders.ORIGIN) != null
                && (request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null
                        || request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS) != null);
    }

    /** Checks an actual request; when it is allowed, puts the CORS headers on the response. */
    public Verdict check(HttpServerRequest request, String scheme, MultiMap responseHeaders) {
        String origin = enabled ? request.getHeader(HttpHeaders.ORIGIN) : null;
        if (origin == null) {
            return Verdict.ALLOWED;
        }
        boolean configured = !wildcardOrigin && (origins.contains(origin) || matchesPattern(origin));
        if (!wildcardOrigin && !configured && !sameOrigin(request, scheme, origin)) {
            responseHeaders.add(VARY, ORIGIN);
            return Verdict.ORIGIN_REFUSED;
        }
        if ((wildcardOrigin || configured) && !methods.isEmpty() && !methods.contains(request.method().name())) {
            return Verdict.METHOD_REFUSED;
        }
        responseHeaders.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                .set(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, String.valueOf(allowCredentials.orElse(configured)))
                .add(VARY, ORIGIN);
        if (exposedHeaders != null) {
            responseHeaders.set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposedHeaders);
        }
        return Verdict.ALLOWED;
    }

    private boolean matchesPattern(String origin) {
        for (Pattern pattern : originPatterns) {
            if (pattern.matcher(origin).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The page was served by the gateway itself: the origin is its own scheme and Host. */
    private static boolean sameOrigin(HttpServerRequest request, String scheme, String origin) {
        String host = request.getHeader(HttpHeaders.HOST);
        return host != null && origin.length() == scheme.length() + 3 + host.length()
                && origin.startsWith(scheme) && origin.startsWith("://", scheme.length())
                && origin.regionMatches(true, scheme.length() + 3, host, 0, host.length());
    }
}
