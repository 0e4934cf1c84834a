package com.customk9.auth.lockout;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.auth.AuthConfig;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Lockout after repeated failed logins, per account (the login as typed, lower-cased, whether or not
 * it exists, so the answer reveals nothing) and per client address. {@code max-failures} within
 * {@code window} lock for {@code duration}; the count starts again after that cool-down, and a
 * successful login clears the account's count. Counted atomically in PostgreSQL (one upsert), so
 * concurrent attempts on several replicas are all counted.
 */
@ApplicationScoped
public class LoginThrottle {

    static final String ACCOUNT = "account";
    static final String ADDRESS = "address";

    private static final String RECORD_FAILURE = """
            insert into login_throttle as t (scope, subject, failures, window_started_at, locked_until)
            values (?1, ?2, case when 1 >= ?3 then 0 else 1 end, cast(?4 as timestamptz),
                    case when 1 >= ?3 then cast(?6 as timestamptz) else null end)
            on conflict (scope, subject) do update set
              failures = case when (case when t.window_started_at <= cast(?5 as timestamptz) then 1 else t.failures + 1 end) >= ?3 then 0
                              else (case when t.window_started_at <= cast(?5 as timestamptz) then 1 else t.failures + 1 end) end,
              locked_until = case when (case when t.window_started_at <= cast(?5 as timestamptz) then 1 else t.failures + 1 end) >= ?3 then cast(?6 as timestamptz)
                                  else t.locked_until end,
              window_started_at = case when t.window_started_at <= cast(?5 as timestamptz)
                                         or (case when t.window_started_at <= cast(?5 as timestamptz) then 1 else t.failures + 1 end) >= ?3
                                       then cast(?4 as timestamptz) else t.window_started_at end
            returning locked_until
            """;

    private final AuthConfig.Lockout config;
    private final Clock clock;

    public LoginThrottle(AuthConfig config, Clock clock) {
        this.config = config.lockout();
        this.clock = clock;
    }

    /** Fails with {@link LoginBlockedException} while the account or the address is locked. */
    @WithTransaction
    public Uni<Void> checkAllowed(String login, String address) {
        Instant now = clock.instant();
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                select scope, locked_until from login_throttle
                where ((scope = 'account' and subject = ?1) or (scope = 'address' and subject = ?2)) and locked_until > cast(?3 as timestamptz)
                """, Object[].class)
                .setParameter(1, accountKey(login)).setParameter(2, address).setParameter(3, now)
                .getResultList())
                .invoke(rows -> refuseIfLocked(rows, now))
                .replaceWithVoid();
    }

    /**
     * Counts a failed login; the refusal to answer instead of "wrong credentials" when this failure
     * locked the account or the address (returned, not thrown: the count must commit).
     */
    @WithTransaction
    public Uni<Optional<LoginBlockedException>> recordFailure(String login, String address) {
        Instant now = clock.instant();
        return countFailure(ACCOUNT, accountKey(login), config.accountMaxFailures(), now)
                .chain(accountLock -> countFailure(ADDRESS, address, config.addressMaxFailures(), now)
                        .map(addressLock -> {
                            if (accountLock != null) {
                                return Optional.of(LoginBlockedException.accountLocked(Duration.between(now, accountLock)));
                            }
                            if (addressLock != null) {
                                return Optional.of(LoginBlockedException.addressBlocked(Duration.between(now, addressLock)));
                            }
                            return Optional.<LoginBlockedException>empty();
                        }));
    }

    /** A successful login clears the account's failures (not the address's). */
    @WithTransaction
    public Uni<Void> recordSuccess(String login) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("delete from login_throttle where scope = 'account' and subject = ?1")
                .setParameter(1, accountKey(login)).executeUpdate())
                .replaceWithVoid();
    }

    /** The lock this failure set, or null. */
    private Uni<Instant> countFailure(String scope, String subject, int maxFailures, Instant now) {
        Instant windowStart = now.minus(config.window());
        Instant lockedUntil = now.plus(config.duration());
        return Panache.getSession().chain(session -> session.createNativeQuery(RECORD_FAILURE)
                .setParameter(1, scope).setParameter(2, subject).setParameter(3, maxFailures)
                .setParameter(4, now).setParameter(5, windowStart).setParameter(6, lockedUntil)
                .getSingleResult())
                .map(LoginThrottle::instant)
                .map(lock -> lock != null && lock.isAfter(now) ? lock : null);
    }

    private void refuseIfLocked(List<Object[]> rows, Instant now) {
        for (Object[] row : rows) {
            if (ACCOUNT.equals(row[0])) {
                throw LoginBlockedException.accountLocked(Duration.between(now, instant(row[1])));
            }
        }
        for (Object[] row : rows) {
            throw LoginBlockedException.addressBlocked(Duration.between(now, instant(row[1])));
        }
    }

    static String accountKey(String login) {
        return login.trim().toLowerCase(Locale.ROOT);
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
