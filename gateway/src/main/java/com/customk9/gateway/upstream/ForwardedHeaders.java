package com.customk9.gateway.upstream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;

/**
 * Which headers cross the gateway: hop-by-hop ones (RFC 9110 7.6.1) never do, in either direction.
 * Runs twice per proxied request, so it walks the headers once, compares names without lower-casing
 * copies, and allocates nothing unless a {@code Connection} header names further hop-by-hop headers.
 */
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

    private static final Set<String> HOP_BY_HOP_ANY_CASE = caseInsensitive(HOP_BY_HOP);
    /** Never copied up: hop-by-hop and set by the gateway (case-insensitive lookups, no lower-cased copies). */
    private static final Set<String> NOT_UP = caseInsensitive(HOP_BY_HOP, SET_BY_GATEWAY_UP);
    /** Never copied down: hop-by-hop, the gateway's own, and the length (set from the upstream's by the relay). */
    private static final Set<String> NOT_DOWN = caseInsensitive(HOP_BY_HOP, SET_BY_GATEWAY_DOWN, Set.of("content-length"));

    private ForwardedHeaders() {
    }

    static void copyRequestHeaders(MultiMap from, MultiMap to) {
        copy(from, to, NOT_UP);
    }

    static void copyResponseHeaders(MultiMap from, MultiMap to) {
        copy(from, to, NOT_DOWN);
    }

    /**
     * Copies every header not excluded, all its values; a header already in {@code to} is replaced by
     * the copied one, as {@code MultiMap.set} would.
     */
    private static void copy(MultiMap from, MultiMap to, Set<String> excluded) {
        List<String> listedInConnection = connectionTokens(from);
        if (!to.isEmpty()) {
            for (Map.Entry<String, String> header : from) {
                String name = header.getKey();
                if (to.contains(name) && copied(name, excluded, listedInConnection)) {
                    to.remove(name);
                }
            }
        }
        for (Map.Entry<String, String> header : from) {
            String name = header.getKey();
            if (copied(name, excluded, listedInConnection)) {
                to.add(name, header.getValue());
            }
        }
    }

    private static boolean copied(String name, Set<String> excluded, List<String> listedInConnection) {
        if (excluded.contains(name)) {
            return false;
        }
        for (int i = 0; i < listedInConnection.size(); i++) {
            if (listedInConnection.get(i).equalsIgnoreCase(name)) {
                return false;
            }
        }
        return true;
    }

    /** Headers a sender marks as hop-by-hop by naming them in {@code Connection}. */
    private static List<String> connectionTokens(MultiMap headers) {
        String connection = headers.get(HttpHeaders.CONNECTION);
        if (connection == null || HOP_BY_HOP_ANY_CASE.contains(connection.trim())
                && headers.getAll(HttpHeaders.CONNECTION).size() == 1) {
            // None, or only one naming a hop-by-hop header ("keep-alive"), excluded anyway.
            return List.of();
        }
        List<String> tokens = new ArrayList<>(2);
        for (String value : headers.getAll(HttpHeaders.CONNECTION)) {
            for (String token : value.split(",")) {
                if (!token.isBlank()) {
                    tokens.add(token.trim());
                }
            }
        }
        return tokens;
    }

    @SafeVarargs
    private static Set<String> caseInsensitive(Set<String>... sets) {
        TreeSet<String> all = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return all;
    }
}
