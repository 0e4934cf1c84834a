package com.customk9.gateway.upstream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.netty.util.AsciiString;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;

/**
 * Which headers cross the gateway: hop-by-hop ones (RFC 9110 7.6.1) never do, in either direction.
 * Runs twice per proxied request, so it walks the headers once, compares names without lower-casing
 * copies, and allocates next to nothing.
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

    private static final Names HOP_BY_HOP_ANY_CASE = new Names(HOP_BY_HOP);
    /** Never copied up: hop-by-hop and set by the gateway. */
    private static final Names NOT_UP = new Names(HOP_BY_HOP, SET_BY_GATEWAY_UP);
    /** Never copied down: hop-by-hop, the gateway's own, and the length (set from the upstream's by the relay). */
    private static final Names NOT_DOWN = new Names(HOP_BY_HOP, SET_BY_GATEWAY_DOWN, Set.of("content-length"));
    /** Headers whose values from both sides add up instead of the copied one replacing the gateway's. */
    private static final Names MERGED = new Names(Set.of("vary"));
    /** From the gateway's own Quarkus server everything comes down but hop-by-hop headers and the length. */
    private static final Names NOT_DOWN_OWN = new Names(HOP_BY_HOP, Set.of("content-length"));

    private ForwardedHeaders() {
    }

    /**
     * Copies a request's headers into the upstream request's, less those that must not go up: hop-by-hop
     * ones and those the gateway sets. The values go as their bytes (each character of a decoded header is
     * one byte), which the upstream connection's encoder copies whole instead of character by character:
     * a bearer token is some 600 of them.
     */
    static void copyForUpstream(MultiMap from, MultiMap to) {
        List<String> listedInConnection = connectionTokens(from);
        for (Map.Entry<String, String> header : from) {
            String name = header.getKey();
            if (copied(name, NOT_UP, listedInConnection)) {
                to.add(name, new AsciiString(header.getValue().getBytes(StandardCharsets.ISO_8859_1), false));
            }
        }
    }

    static void copyResponseHeaders(MultiMap from, MultiMap to) {
        copy(from, to, NOT_DOWN);
    }

    static void copyOwnResponseHeaders(MultiMap from, MultiMap to) {
        copy(from, to, NOT_DOWN_OWN);
    }

    /**
     * Copies every header not excluded, all its values; a header already in {@code to} is replaced by
     * the copied one, as {@code MultiMap.set} would, except {@code Vary}, whose values add up (the
     * gateway's {@code Vary: Origin} and the upstream's own both matter to caches).
     */
    private static void copy(MultiMap from, MultiMap to, Names excluded) {
        List<String> listedInConnection = connectionTokens(from);
        if (!to.isEmpty()) {
            // What is there already is mostly the gateway's own (excluded): the upstream's few headers are
            // looked up in it, rather than each of those compared with the excluded names.
            List<String> replaced = null;
            for (Map.Entry<String, String> header : from) {
                String name = header.getKey();
                if (copied(name, excluded, listedInConnection) && !MERGED.contains(name) && to.contains(name)) {
                    replaced = replaced == null ? new ArrayList<>(2) : replaced;
                    replaced.add(name);
                }
            }
            if (replaced != null) {
                // A header the upstream sends twice is listed twice: removing it again is harmless.
                replaced.forEach(to::remove);
            }
        }
        for (Map.Entry<String, String> header : from) {
            String name = header.getKey();
            if (copied(name, excluded, listedInConnection)) {
                to.add(name, header.getValue());
            }
        }
    }

    private static boolean copied(String name, Names excluded, List<String> listedInConnection) {
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

    /** A fixed set of lower-case header names, looked up case-insensitively without copying: bucketed by length. */
    static final class Names {

        private final String[][] byLength;

        @SafeVarargs
        Names(Set<String>... sets) {
            int longest = 0;
            for (Set<String> set : sets) {
                for (String name : set) {
                    if (name.isEmpty() || !name.equals(name.toLowerCase(Locale.ROOT))) {
                        throw new IllegalArgumentException("Header names are listed in lower case: " + name);
                    }
                    longest = Math.max(longest, name.length());
                }
            }
            List<List<String>> buckets = new ArrayList<>();
            for (int i = 0; i <= longest; i++) {
                buckets.add(new ArrayList<>());
            }
            for (Set<String> set : sets) {
                for (String name : set) {
                    buckets.get(name.length()).add(name);
                }
            }
            byLength = new String[longest + 1][];
            for (int i = 0; i <= longest; i++) {
                byLength[i] = buckets.get(i).toArray(String[]::new);
            }
        }

        boolean contains(String name) {
            int length = name.length();
            if (length == 0 || length >= byLength.length) {
                return false;
            }
            // The names are lower case: most candidates differ in the first character, compared without a call.
            char first = name.charAt(0);
            char lower = first >= 'A' && first <= 'Z' ? (char) (first + ('a' - 'A')) : first;
            for (String candidate : byLength[length]) {
                if (candidate.charAt(0) == lower && candidate.regionMatches(true, 1, name, 1, length - 1)) {
                    return true;
                }
            }
            return false;
        }
    }
}
