package com.customk9.auth.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.customk9.auth.account.Account;
import com.customk9.auth.account.Accounts;
import com.customk9.auth.event.AuthEvents;
import com.customk9.auth.lockout.LoginThrottle;
import com.customk9.auth.token.AccessTokens;
import com.customk9.auth.token.RevokedTokens;
import com.customk9.odoo.client.OdooClient;
import com.customk9.odoo.client.auth.OdooUserSession;
import com.customk9.odoo.client.error.OdooAuthenticationException;
import com.customk9.odoo.client.error.OdooConnectionException;
import com.customk9.odoo.client.error.OdooTimeoutException;
import com.customk9.odoo.client.error.OdooUnavailableException;
import com.customk9.platform.error.ApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Sign-in, token refresh and sign-out: Odoo checks the password, we issue and rotate our own tokens.
 * The Odoo session opened at login stays on the server (in the refresh family) and is closed at logout.
 */
@ApplicationScoped
public class Sessions {

    private static final Logger LOG = Logger.getLogger(Sessions.class);
    private static final String INVALID_CREDENTIALS = "Invalid email or password";
    private static final String INVALID_REFRESH = "Invalid or expired refresh token";

    private final OdooClient odoo;
    private final Accounts accounts;
    private final LoginThrottle throttle;
    private final RefreshTokens refreshTokens;
    private final AccessTokens accessTokens;
    private final RevokedTokens revokedTokens;
    private final AuthEvents events;
    private final ObjectMapper mapper;
    private final Clock clock;

    public Sessions(OdooClient odoo, Accounts accounts, LoginThrottle throttle, RefreshTokens refreshTokens,
            AccessTokens accessTokens, RevokedTokens revokedTokens, AuthEvents events, ObjectMapper mapper, Clock clock) {
        this.odoo = odoo;
        this.accounts = accounts;
        this.throttle = throttle;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.revokedTokens = revokedTokens;
        this.events = events;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Checks the password with Odoo (unless the account or address is locked) and starts a session. */
    public Uni<TokenResponse> login(String login, String password, String clientAddress) {
        // Our registration creates lower-case logins; Odoo compares logins exactly.
        String normalized = login.trim().toLowerCase(java.util.Locale.ROOT);
        return throttle.checkAllowed(normalized, clientAddress)
                .chain(() -> odoo.login(normalized, password)
                        .onFailure(OdooAuthenticationException.class).recoverWithUni(failure -> throttle
                                .recordFailure(normalized, clientAddress)
                                .<OdooUserSession>map(blocked -> {
                                    throw blocked.<RuntimeException>map(e -> e)
                                            .orElseGet(() -> ApiException.unauthorized(INVALID_CREDENTIALS));
                                })))
                .call(() -> throttle.recordSuccess(normalized))
                .chain(session -> accounts.byUserId(session.userId())
                        .chain(account -> account.isPresent() ? start(account.get(), session)
                                : closeOdooSession(session).<TokenResponse>map(ignored -> {
                                    throw ApiException.unauthorized(INVALID_CREDENTIALS);
                                })));
    }

    /** Starts a session for an account whose Odoo session is already open (login, registration). */
    public Uni<TokenResponse> start(Account account, OdooUserSession session) {
        return refreshTokens.startFamily(account.userId(), session.token(), snapshot(account))
                .map(refresh -> respond(account, refresh, new TokenResponse.OdooSessionInfo(session.userId(),
                        session.expiresAt().orElse(null))));
    }

    /** Exchanges a refresh token for a new pair; reuse of a rotated one revokes its family. */
    public Uni<TokenResponse> refresh(String presented) {
        return refreshTokens.rotate(presented).chain(rotation -> rotation instanceof RefreshTokens.Rotated rotated
                ? refreshed(rotated)
                : refused((RefreshTokens.Refused) rotation));
    }

    /** Ends the session the access token belongs to: the token, its refresh family, its Odoo session. */
    public Uni<LogoutResponse> logout(String tokenId, Instant accessExpiresAt, UUID familyId, long userId) {
        return revokedTokens.revoke(tokenId, accessExpiresAt)
                .chain(accessRevoked -> (familyId == null ? Uni.createFrom().item(Optional.<RefreshTokens.RevokedFamily>empty())
                        : refreshTokens.revokeFamily(familyId, userId, RevocationReason.LOGOUT))
                        .call(family -> family.map(this::closeOdooSession).orElse(Uni.createFrom().voidItem()))
                        .map(ignored -> new LogoutResponse("Logged out", accessRevoked)));
    }

    /** Closes the Odoo sessions of revoked families, best effort (they expire by themselves anyway). */
    public Uni<Void> closeOdooSession(RefreshTokens.RevokedFamily family) {
        if (family.odooSessionToken() == null) {
            return Uni.createFrom().voidItem();
        }
        return closeOdooSession(OdooUserSession.resume(family.userId(), family.odooSessionToken()));
    }

    private Uni<Void> closeOdooSession(OdooUserSession session) {
        return odoo.logout(session).onFailure().recoverWithItem(error -> {
            LOG.infof("Odoo session of user %d not closed (%s); it expires by itself", session.userId(), error.toString());
            return null;
        });
    }

    private Uni<TokenResponse> refreshed(RefreshTokens.Rotated rotated) {
        UUID familyId = rotated.next().familyId();
        Account known = fromSnapshot(rotated.accountSnapshot());
        return accounts.byUserId(rotated.userId())
                .onFailure(this::odooUnreachable).recoverWithItem(error -> {
                    LOG.infof("Odoo unreachable on refresh (%s): using the account as last known", error.toString());
                    return Optional.of(known);
                })
                .chain(current -> {
                    if (current.isEmpty()) {
                        return refreshTokens.revokeFamily(familyId, rotated.userId(), RevocationReason.ACCOUNT_DISABLED)
                                .<TokenResponse>map(ignored -> {
                                    throw ApiException.unauthorized(INVALID_REFRESH);
                                });
                    }
                    Account account = current.get();
                    Uni<Void> keep = account.equals(known) ? Uni.createFrom().voidItem()
                            : refreshTokens.updateSnapshot(familyId, snapshot(account));
                    return keep.map(ignored -> respond(account, rotated.next(), null));
                });
    }

    private Uni<TokenResponse> refused(RefreshTokens.Refused refused) {
        LOG.debugf("Refresh refused: %s", refused.reason());
        Uni<Void> report = refused.revokedFamily() == null ? Uni.createFrom().voidItem()
                : Panache.withTransaction(() -> events.refreshReuseDetected(refused.userId(),
                        refused.revokedFamily().toString()));
        return report.<TokenResponse>map(ignored -> {
            throw ApiException.unauthorized(INVALID_REFRESH);
        });
    }

    private TokenResponse respond(Account account, RefreshTokens.Issued refresh, TokenResponse.OdooSessionInfo odooSession) {
        AccessTokens.Issued access = accessTokens.issue(account, refresh.familyId());
        long refreshSeconds = Math.max(0, Duration.between(clock.instant(), refresh.expiresAt()).toSeconds());
        return new TokenResponse(access.token(), refresh.token(), "Bearer", access.expiresInSeconds(), refreshSeconds,
                account, odooSession);
    }

    private boolean odooUnreachable(Throwable error) {
        return error instanceof OdooConnectionException || error instanceof OdooTimeoutException
                || error instanceof OdooUnavailableException;
    }

    private String snapshot(Account account) {
        try {
            return mapper.writeValueAsString(account);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An account always serializes", e);
        }
    }

    private Account fromSnapshot(String json) {
        try {
            return mapper.readValue(json, Account.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable account snapshot", e);
        }
    }
}
