package com.customk9.platform.request;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.jboss.logging.MDC;

/**
 * The request id that ties a client's call to every log line and event it causes. Taken from the
 * {@code X-Request-Id} header when it is well formed, made up otherwise; kept in the logging MDC
 * (which Quarkus carries along the request's reactive chain).
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    private static final int MAX_LENGTH = 128;

    private RequestIds() {
    }

    /** The caller's id if it is safe to log and echo ({@code [A-Za-z0-9._:-]{1,128}}), else a new one. */
    public static String acceptOrCreate(String candidate) {
        return candidate != null && acceptable(candidate) ? candidate : create();
    }

    /**
     * A new random (version 4) UUID. From {@link ThreadLocalRandom}, not {@link UUID#randomUUID()}'s
     * SecureRandom: a request id correlates logs, it guards nothing, and SecureRandom costs a lock and
     * a read of the system's entropy source on every request.
     */
    static String create() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }

    private static boolean acceptable(String candidate) {
        int length = candidate.length();
        if (length == 0 || length > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = candidate.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /** The id of the request being handled, or null outside of a request. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }
}
