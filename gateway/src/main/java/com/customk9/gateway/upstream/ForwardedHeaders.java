package com.customk9.gateway.upstream;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import io.vertx.core.MultiMap;

/** Which headers cross the gateway: hop-by-hop ones (RFC 9110 7.6.1) never do, in either direction. */
final class ForwardedHeaders {

    static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "trailers", "transfer-encoding", "upgrade");

    /** Replaced by the gateway's own values on the way up. */
    private static final Set<String> SET_BY_GATEWAY_UP = Set.of("host", "content-length", "expect", "forwarded",
            "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port", "x-request-id");

    /** The gateway's own headers win over an upstream's on the way down. */
    private static final Set<String> SET_BY_GATEWAY_DOWN = Set.of("x-request-id", "content-security-policy",
            "x-frame-options", "x-content-type-options", "strict-transport-security", "referrer-policy",
            "ratelimit-limit", "ratelimit-remaining", "ratelimit-reset", "x-ratelimit-limit", "x-ratelimit-remaining",
            "x-ratelimit-reset", "access-control-allow-origin", "access-control-allow-credentials",
            "access-control-expose-headers", "access-control-allow-methods", "access-control-allow-headers",
            "access-control-max-age");

    private ForwardedHeaders() {
    }

    static void copyRequestHeaders(MultiMap from, MultiMap to) {
        copy(from, to, SET_BY_GATEWAY_UP);
    }

    static void copyResponseHeaders(MultiMap from, MultiMap to) {
        Set<String> skip = new HashSet<>(SET_BY_GATEWAY_DOWN);
        skip.add("content-length");
        copy(from, to, skip);
    }

    private static void copy(MultiMap from, MultiMap to, Set<String> skip) {
        Set<String> listedInConnection = connectionTokens(from);
        for (String name : from.names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(lower) || skip.contains(lower) || listedInConnection.contains(lower)) {
                continue;
            }
            to.set(name, from.getAll(name));
        }
    }

    /** Headers a sender marks as hop-by-hop by naming them in {@code Connection}. */
    private static Set<String> connectionTokens(MultiMap headers) {
        Set<String> tokens = new HashSet<>();
        for (String value : headers.getAll("Connection")) {
            for (String token : value.split(",")) {
                if (!token.isBlank()) {
                    tokens.add(token.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return tokens;
    }
}
