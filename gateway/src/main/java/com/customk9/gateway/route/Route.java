package com.customk9.gateway.route;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import com.customk9.gateway.route.GatewayConfig.RateLimitKey;

/**
 * One entry of the route table, resolved from {@link GatewayConfig.RouteConfig}.
 *
 * @param upstream null when the gateway answers itself
 * @param methods empty: every method
 * @param roles empty: any authenticated caller
 */
public record Route(
        String name,
        List<String> prefixes,
        Set<String> methods,
        URI upstream,
        boolean publicRoute,
        Set<String> roles,
        Duration timeout,
        OptionalInt rateLimit,
        RateLimitKey rateLimitKey,
        long maxBodySize) {

    public boolean local() {
        return upstream == null;
    }

    public boolean allows(String method) {
        return methods.isEmpty() || methods.contains(method);
    }

    /** The length of the longest prefix of this route matching the path, or -1. */
    int matchLength(String path) {
        int best = -1;
        for (int i = 0; i < prefixes.size(); i++) {
            String prefix = prefixes.get(i);
            if (prefix.length() > best && matches(prefix, path)) {
                best = prefix.length();
            }
        }
        return best;
    }

    static boolean matches(String prefix, String path) {
        if (!path.startsWith(prefix)) {
            return false;
        }
        return path.length() == prefix.length() || prefix.endsWith("/") || path.charAt(prefix.length()) == '/';
    }
}
