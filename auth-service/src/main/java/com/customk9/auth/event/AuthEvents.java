package com.customk9.auth.event;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.platform.event.CloudEvent;
import com.customk9.platform.event.Topics;
import com.customk9.platform.outbox.Outbox;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * What auth-service tells the others, on {@code customk9.auth.events} through the outbox (so call
 * these inside the transaction of the change). Subject {@code user:<id>}: one user's events stay in order.
 */
@ApplicationScoped
public class AuthEvents {

    public static final String SOURCE = "/customk9/auth";
    public static final String USER_REGISTERED = "com.customk9.auth.user.registered";
    public static final String PASSWORD_CHANGED = "com.customk9.auth.password.changed";
    /**
     * A reset was asked for: carries the single-use link for the notification sender to mail. The
     * topic is internal (only the suite's services may read it); the token expires within minutes and
     * only its hash is stored.
     */
    public static final String PASSWORD_RESET_REQUESTED = "com.customk9.auth.password.reset-requested";
    /** A rotated refresh token was presented again: its family was revoked (a possible theft). */
    public static final String REFRESH_REUSE_DETECTED = "com.customk9.auth.refresh.reuse-detected";

    private final Outbox outbox;
    private final ObjectMapper mapper;

    public AuthEvents(Outbox outbox, ObjectMapper mapper) {
        this.outbox = outbox;
        this.mapper = mapper;
    }

    public Uni<Void> userRegistered(long userId, long partnerId, String email, String name) {
        return publish(USER_REGISTERED, userId, Map.of("user_id", userId, "partner_id", partnerId, "email", email,
                "name", name));
    }

    public Uni<Void> passwordChanged(long userId, String how) {
        return publish(PASSWORD_CHANGED, userId, Map.of("user_id", userId, "how", how));
    }

    public Uni<Void> passwordResetRequested(long userId, String email, String link, Instant expiresAt) {
        return publish(PASSWORD_RESET_REQUESTED, userId, Map.of("user_id", userId, "email", email, "link", link,
                "expires_at", expiresAt.toString()));
    }

    public Uni<Void> refreshReuseDetected(long userId, String familyId) {
        return publish(REFRESH_REUSE_DETECTED, userId, Map.of("user_id", userId, "family_id", familyId));
    }

    private Uni<Void> publish(String type, long userId, Map<String, Object> data) {
        return outbox.publish(Topics.AUTH_EVENTS, CloudEvent.of(SOURCE, type, "user:" + userId, mapper.valueToTree(data)));
    }
}
