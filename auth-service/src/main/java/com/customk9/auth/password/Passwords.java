package com.customk9.auth.password;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

import com.customk9.auth.AuthConfig;
import com.customk9.auth.SecretTokens;
import com.customk9.auth.account.Account;
import com.customk9.auth.account.Accounts;
import com.customk9.auth.event.AuthEvents;
import com.customk9.auth.lockout.LoginThrottle;
import com.customk9.auth.session.RefreshTokens;
import com.customk9.auth.session.RevocationReason;
import com.customk9.auth.session.Sessions;
import com.customk9.odoo.client.OdooClient;
import com.customk9.odoo.client.auth.OdooUserSession;
import com.customk9.odoo.client.error.OdooAuthenticationException;
import com.customk9.platform.error.ApiException;
import com.customk9.platform.error.ErrorCode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Password change (the user proves the current one to Odoo) and reset (a single-use, expiring token,
 * stored hashed, mailed by the notification sender from the {@code password.reset-requested} event).
 * Either way Odoo keeps the password; every other session of the user ends.
 */
@ApplicationScoped
public class Passwords {

    private static final Logger LOG = Logger.getLogger(Passwords.class);
    private static final String INVALID_RESET = "This reset link is invalid or has expired";

    private final OdooClient odoo;
    private final Accounts accounts;
    private final LoginThrottle throttle;
    private final RefreshTokens refreshTokens;
    private final Sessions sessions;
    private final AuthEvents events;
    private final AuthConfig.PasswordReset config;
    private final Clock clock;

    public Passwords(OdooClient odoo, Accounts accounts, LoginThrottle throttle, RefreshTokens refreshTokens,
            Sessions sessions, AuthEvents events, AuthConfig config, Clock clock) {
        this.odoo = odoo;
        this.accounts = accounts;
        this.throttle = throttle;
        this.refreshTokens = refreshTokens;
        this.sessions = sessions;
        this.events = events;
        this.config = config.passwordReset();
        this.clock = clock;
    }

    /** Changes the caller's password; their other sessions end, this one ({@code currentFamily}) stays. */
    public Uni<Void> change(long userId, UUID currentFamily, String currentPassword, String newPassword,
            String clientAddress) {
        return account(userId).chain(account -> {
            PasswordPolicy.require("new_password", newPassword, account.email());
            if (newPassword.equals(currentPassword)) {
                throw ApiException.invalid("new_password", "must differ from the current password");
            }
            return throttle.checkAllowed(account.login(), clientAddress)
                    .chain(() -> odoo.login(account.login(), currentPassword)
                            .onFailure(OdooAuthenticationException.class).recoverWithUni(failure -> throttle
                                    .recordFailure(account.login(), clientAddress)
                                    .<OdooUserSession>map(blocked -> {
                                        throw blocked.<RuntimeException>map(e -> e).orElseGet(
                                                () -> ApiException.invalid("current_password", "is incorrect"));
                                    })))
                    .chain(session -> odoo.as(session).changePassword(userId, currentPassword, newPassword)
                            .call(() -> odoo.logout(session).onFailure().recoverWithNull()))
                    .chain(() -> endOtherSessions(userId, currentFamily, RevocationReason.PASSWORD_CHANGED, "change"));
        });
    }

    /**
     * Starts a reset for the account with this e-mail, if there is one; answers the same either way so
     * the endpoint tells nobody which addresses have accounts.
     */
    public Uni<Void> requestReset(String email) {
        String login = email.trim().toLowerCase(Locale.ROOT);
        return accounts.userIdByLogin(login)
                .chain(userId -> userId.isEmpty() ? Uni.createFrom().voidItem()
                        : accounts.byUserId(userId.get()).chain(account -> account.isEmpty() ? Uni.createFrom().voidItem()
                                : issueResetToken(account.get())));
    }

    /** Sets a new password with a reset token; the token is spent only if Odoo took the password. */
    public Uni<Void> confirmReset(String token, String newPassword) {
        if (!SecretTokens.plausible(token)) {
            return Uni.createFrom().failure(ApiException.invalid("token", INVALID_RESET));
        }
        Instant now = clock.instant();
        return Panache.withTransaction(() -> PasswordResetToken.<PasswordResetToken>find("tokenHash", SecretTokens.hash(token))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .chain(reset -> {
                    if (reset == null || reset.usedAt != null || !now.isBefore(reset.expiresAt)) {
                        throw ApiException.invalid("token", INVALID_RESET);
                    }
                    return account(reset.userId).chain(account -> {
                        PasswordPolicy.require("new_password", newPassword, account.email());
                        return odoo.resetPassword(account.userId(), newPassword)
                                .chain(() -> PasswordResetToken.update(
                                        "usedAt = ?1 where userId = ?2 and usedAt is null", now, account.userId()))
                                .chain(() -> refreshTokens.revokeAllOf(account.userId(), null, RevocationReason.PASSWORD_RESET))
                                .call(() -> events.passwordChanged(account.userId(), "reset"))
                                .map(revoked -> Map.entry(account, revoked));
                    });
                }))
                .call(done -> closeAll(done.getValue()))
                .call(done -> throttle.recordSuccess(done.getKey().login()))
                .replaceWithVoid();
    }

    private Uni<Void> issueResetToken(Account account) {
        String clear = SecretTokens.generate();
        Instant now = clock.instant();
        PasswordResetToken reset = new PasswordResetToken();
        reset.id = UUID.randomUUID();
        reset.userId = account.userId();
        reset.tokenHash = SecretTokens.hash(clear);
        reset.createdAt = now;
        reset.expiresAt = now.plus(config.ttl());
        String link = config.linkBase() + (config.linkBase().contains("?") ? "&" : "?") + "token=" + clear;
        return Panache.withTransaction(() -> reset.persist()
                .chain(() -> events.passwordResetRequested(account.userId(), account.email(), link, reset.expiresAt)));
    }

    private Uni<Void> endOtherSessions(long userId, UUID keep, RevocationReason reason, String how) {
        return Panache.withTransaction(() -> refreshTokens.revokeAllOf(userId, keep, reason)
                .call(() -> events.passwordChanged(userId, how)))
                .chain(this::closeAll);
    }

    private Uni<Void> closeAll(List<RefreshTokens.RevokedFamily> families) {
        if (families.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(families.stream().map(sessions::closeOdooSession).toList()).andCollectFailures()
                .onFailure().invoke(error -> LOG.infof("Some Odoo sessions were not closed: %s", error.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Account> account(long userId) {
        return accounts.byUserId(userId).map(account -> account.orElseThrow(
                () -> new ApiException(ErrorCode.UNAUTHORIZED, "This account no longer exists", null)));
    }
}
