package com.customk9.emulator.session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;

/**
 * The /api/v2 session tokens of seed 002: 48 random characters, valid 24 hours, refreshable until
 * one hour after expiry (the refresh hands out a new token and retires the old one), revoked by
 * logout. Stored hashed in PostgreSQL so they survive a restart.
 */
@ApplicationScoped
public class SessionTokens {

    public static final int TOKEN_LENGTH = 48;

    private final AgroalDataSource dataSource;
    private final SessionSchema schema;
    private final EmulatorClock clock;
    private final SessionConfig config;

    public SessionTokens(@DataSource("odoo") AgroalDataSource dataSource, SessionSchema schema, EmulatorClock clock,
            SessionConfig config) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.clock = clock;
        this.config = config;
    }

    public record Issued(String token, long userId, Instant expiresAt) {
    }

    public enum State { VALID, EXPIRED, UNKNOWN }

    /** What a token is worth now; a valid one has its activity time updated. */
    public record Check(State state, long userId, Instant expiresAt) {
        static final Check UNKNOWN = new Check(State.UNKNOWN, 0, null);
    }

    public enum RefreshFailure { UNKNOWN, EXPIRED }

    public record Refresh(Issued issued, RefreshFailure failure) {
    }

    public Issued issue(long userId) {
        schema.ensure();
        try (Connection connection = dataSource.getConnection()) {
            return insert(connection, userId, now());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store a session token", e);
        }
    }

    public Check check(String token) {
        if (token == null || token.isBlank()) {
            return Check.UNKNOWN;
        }
        schema.ensure();
        Instant now = now();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("""
                        update %s
                           set last_activity = case when expires_at > ? then ? else last_activity end
                         where token_hash = ? and revoked_at is null
                     returning user_id, expires_at""".formatted(schema.table("api_session")))) {
            update.setObject(1, at(now));
            update.setObject(2, at(now));
            update.setString(3, Secrets.sha256Hex(token));
            try (ResultSet row = update.executeQuery()) {
                if (!row.next()) {
                    return Check.UNKNOWN;
                }
                long userId = row.getLong(1);
                Instant expiresAt = row.getObject(2, OffsetDateTime.class).toInstant();
                return new Check(expiresAt.isAfter(now) ? State.VALID : State.EXPIRED, userId, expiresAt);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check a session token", e);
        }
    }

    /** A new token for the same user when the old one is live or expired less than the grace period ago. */
    public Refresh refresh(String token) {
        if (token == null || token.isBlank()) {
            return new Refresh(null, RefreshFailure.UNKNOWN);
        }
        schema.ensure();
        Instant now = now();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Refresh refresh = refresh(connection, Secrets.sha256Hex(token), now);
                connection.commit();
                return refresh;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot refresh a session token", e);
        }
    }

    private Refresh refresh(Connection connection, String hash, Instant now) throws SQLException {
        long userId;
        Instant expiresAt;
        try (PreparedStatement select = connection.prepareStatement("""
                select user_id, expires_at from %s
                 where token_hash = ? and revoked_at is null for update""".formatted(schema.table("api_session")))) {
            select.setString(1, hash);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return new Refresh(null, RefreshFailure.UNKNOWN);
                }
                userId = row.getLong(1);
                expiresAt = row.getObject(2, OffsetDateTime.class).toInstant();
            }
        }
        if (now.isAfter(expiresAt.plus(config.refreshGrace()))) {
            return new Refresh(null, RefreshFailure.EXPIRED);
        }
        try (PreparedStatement retire = connection.prepareStatement(
                "update " + schema.table("api_session") + " set revoked_at = ? where token_hash = ?")) {
            retire.setObject(1, at(now));
            retire.setString(2, hash);
            retire.executeUpdate();
        }
        return new Refresh(insert(connection, userId, now), null);
    }

    /** Logout: true when the token existed and was still usable. */
    public boolean revoke(String token) {
        if (token == null || token.isBlank()) {
            return false;
        }
        schema.ensure();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update " + schema.table("api_session") + " set revoked_at = ? where token_hash = ? and revoked_at is null")) {
            update.setObject(1, at(now()));
            update.setString(2, Secrets.sha256Hex(token));
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot revoke a session token", e);
        }
    }

    /** Revokes every live token of a user (password changed by an administrator). */
    public int revokeAllOf(long userId) {
        schema.ensure();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update " + schema.table("api_session") + " set revoked_at = ? where user_id = ? and revoked_at is null")) {
            update.setObject(1, at(now()));
            update.setLong(2, userId);
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot revoke session tokens", e);
        }
    }

    /**
     * Expires every live token now; {@code beyondGrace} also puts them past the refresh grace
     * period, so only a new login helps.
     */
    public int expireAll(boolean beyondGrace) {
        schema.ensure();
        Instant now = now();
        Instant expiry = beyondGrace ? now.minus(config.refreshGrace()).minusSeconds(1) : now;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update " + schema.table("api_session") + " set expires_at = ? where revoked_at is null and expires_at > ?")) {
            update.setObject(1, at(expiry));
            update.setObject(2, at(expiry));
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot expire session tokens", e);
        }
    }

    public void deleteAll() {
        schema.ensure();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from " + schema.table("api_session"))) {
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot delete session tokens", e);
        }
    }

    public Optional<Instant> lastActivity(String token) {
        schema.ensure();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select last_activity from " + schema.table("api_session") + " where token_hash = ?")) {
            select.setString(1, Secrets.sha256Hex(token));
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getObject(1, OffsetDateTime.class).toInstant()) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read a session token", e);
        }
    }

    private Issued insert(Connection connection, long userId, Instant now) throws SQLException {
        String token = Secrets.randomToken(TOKEN_LENGTH);
        Instant expiresAt = now.plus(config.tokenLifetime());
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into %s (token_hash, user_id, created_at, expires_at, last_activity)
                values (?, ?, ?, ?, ?)""".formatted(schema.table("api_session")))) {
            insert.setString(1, Secrets.sha256Hex(token));
            insert.setLong(2, userId);
            insert.setObject(3, at(now));
            insert.setObject(4, at(expiresAt));
            insert.setObject(5, at(now));
            insert.executeUpdate();
        }
        return new Issued(token, userId, expiresAt);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
