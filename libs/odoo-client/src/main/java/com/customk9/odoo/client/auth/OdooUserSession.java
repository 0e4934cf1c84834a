package com.customk9.odoo.client.auth;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import com.customk9.odoo.client.record.OdooRecord;

import io.smallrye.mutiny.Uni;

/**
 * A user's sessions with Odoo: the /api/v2 session token and, once a JSON-RPC call needed one, the
 * web session cookie. When Odoo says one has expired, the client refreshes the token (Odoo allows it
 * within a grace period) or signs in again with the credentials kept here, transparently; a session
 * resumed from a bare token cannot sign in again, and its expiry reaches the caller as 401.
 * <p>
 * Lives in memory only: it holds the user's password when created by {@code OdooClient.login}, so it
 * must never be serialized or logged. Thread-safe; concurrent callers that meet the same expiry share
 * one renewal.
 */
public final class OdooUserSession {

    private final String login;
    private final String password;
    private volatile long userId;
    private volatile String token;
    private volatile String expiresAt;
    private volatile OdooRecord user;
    private volatile String webSessionId;
    private volatile boolean ended;
    private Uni<Void> tokenRenewal;
    private String tokenRenewalFor;
    private Uni<String> webRenewal;
    private String webRenewalFor;

    private OdooUserSession(String login, String password, long userId, String token, String expiresAt,
            OdooRecord user) {
        this.login = login;
        this.password = password;
        this.userId = userId;
        this.token = token;
        this.expiresAt = expiresAt;
        this.user = user;
    }

    /** A session from a login, able to sign in again with the same credentials. */
    public static OdooUserSession signedIn(String login, String password, String token, String expiresAt,
            OdooRecord user) {
        return new OdooUserSession(login, password, user.id(), token, expiresAt, user);
    }

    /** A session resumed from a token obtained elsewhere: it can be refreshed but not signed in again. */
    public static OdooUserSession resume(long userId, String token) {
        return new OdooUserSession(null, null, userId, token, null, null);
    }

    public long userId() {
        return userId;
    }

    public String token() {
        return token;
    }

    /** When the token expires, as Odoo wrote it, if known. */
    public Optional<String> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    /** The user as Odoo described it at login or refresh, if known. */
    public Optional<OdooRecord> user() {
        return Optional.ofNullable(user);
    }

    public Optional<String> login() {
        return Optional.ofNullable(login);
    }

    public boolean canSignInAgain() {
        return login != null && password != null && !ended;
    }

    /** Signed out: no call, refresh or renewal is attempted with it any more. */
    public boolean ended() {
        return ended;
    }

    public void end() {
        this.ended = true;
    }

    /** For the client only: the password to sign in again with. */
    public String password() {
        return password;
    }

    public Optional<String> webSessionId() {
        return Optional.ofNullable(webSessionId);
    }

    /** Odoo issued a new token (refresh or login). */
    public void renewed(String newToken, String newExpiresAt, OdooRecord newUser) {
        this.token = newToken;
        this.expiresAt = newExpiresAt;
        if (newUser != null) {
            this.user = newUser;
            this.userId = newUser.id();
        }
    }

    public void webSession(String sessionId) {
        this.webSessionId = sessionId;
    }

    /**
     * Renews the token that was {@code staleToken} once, however many callers ask: if it changed in
     * the meantime there is nothing to do, and concurrent callers join the renewal under way.
     */
    public synchronized Uni<Void> renewToken(String staleToken, Supplier<Uni<Void>> renewal) {
        if (!staleToken.equals(token)) {
            return Uni.createFrom().voidItem();
        }
        if (tokenRenewal == null || !staleToken.equals(tokenRenewalFor)) {
            tokenRenewalFor = staleToken;
            tokenRenewal = renewal.get()
                    .onFailure().invoke(() -> forgetTokenRenewal(staleToken))
                    .memoize().indefinitely();
        }
        return tokenRenewal;
    }

    /** A failed renewal is not remembered: the next caller tries again. */
    private synchronized void forgetTokenRenewal(String staleToken) {
        if (staleToken.equals(tokenRenewalFor)) {
            tokenRenewal = null;
            tokenRenewalFor = null;
        }
    }

    /** The same for the web session cookie. */
    public synchronized Uni<String> renewWebSession(String staleSessionId, Supplier<Uni<String>> renewal) {
        String current = webSessionId;
        if (current != null && !current.equals(staleSessionId)) {
            return Uni.createFrom().item(current);
        }
        if (webRenewal == null || !Objects.equals(staleSessionId, webRenewalFor)) {
            webRenewalFor = staleSessionId;
            webRenewal = renewal.get()
                    .onFailure().invoke(() -> forgetWebRenewal(staleSessionId))
                    .memoize().indefinitely();
        }
        return webRenewal;
    }

    private synchronized void forgetWebRenewal(String staleSessionId) {
        if (Objects.equals(staleSessionId, webRenewalFor)) {
            webRenewal = null;
            webRenewalFor = null;
        }
    }

    @Override
    public String toString() {
        return "OdooUserSession[user=" + userId + "]";
    }
}
