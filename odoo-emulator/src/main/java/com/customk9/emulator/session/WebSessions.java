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
 * Odoo's web sessions behind the {@code session_id} cookie: created by
 * {@code /web/session/authenticate}, dropped by {@code /web/session/destroy} or after a week
 * without activity (Odoo's {@code SESSION_LIFETIME}). Stored hashed in PostgreSQL.
 */
@ApplicationScoped
public class WebSessions {

    /** Odoo 17's session ids are 84 characters long. */
    public static final int SID_LENGTH = 84;

    private final AgroalDataSource dataSource;
    private final SessionSchema schema;
    private final EmulatorClock clock;
    private final SessionConfig config;

    public WebSessions(@DataSource("odoo") AgroalDataSource dataSource, SessionSchema schema, EmulatorClock clock,
            SessionConfig config) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.clock = clock;
        this.config = config;
    }

    public record WebSession(long userId, String login, String db) {
    }

    public String create(long userId, String login, String db) {
        schema.ensure();
        String sid = Secrets.randomToken(SID_LENGTH);
        Instant now = now();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into %s (sid_hash, user_id, login, db, created_at, last_activity)
                        values (?, ?, ?, ?, ?, ?)""".formatted(schema.table("web_session")))) {
            insert.setString(1, Secrets.sha256Hex(sid));
            insert.setLong(2, userId);
            insert.setString(3, login);
            insert.setString(4, db);
            insert.setObject(5, at(now));
            insert.setObject(6, at(now));
            insert.executeUpdate();
            return sid;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store a web session", e);
        }
    }

    /** The logged-in session behind a cookie value, its activity refreshed; empty when unknown or stale. */
    public Optional<WebSession> find(String sid) {
        if (sid == null || sid.isBlank()) {
            return Optional.empty();
        }
        schema.ensure();
        Instant now = now();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("""
                        update %s set last_activity = ?
                         where sid_hash = ? and last_activity > ?
                     returning user_id, login, db""".formatted(schema.table("web_session")))) {
            update.setObject(1, at(now));
            update.setString(2, Secrets.sha256Hex(sid));
            update.setObject(3, at(now.minus(config.webInactivity())));
            try (ResultSet row = update.executeQuery()) {
                return row.next() ? Optional.of(new WebSession(row.getLong(1), row.getString(2), row.getString(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read a web session", e);
        }
    }

    public void destroy(String sid) {
        if (sid == null || sid.isBlank()) {
            return;
        }
        execute("delete from " + schema.table("web_session") + " where sid_hash = ?", Secrets.sha256Hex(sid));
    }

    public void destroyAllOf(long userId) {
        schema.ensure();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from " + schema.table("web_session") + " where user_id = ?")) {
            delete.setLong(1, userId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot delete web sessions", e);
        }
    }

    public void deleteAll() {
        execute("delete from " + schema.table("web_session") + "", null);
    }

    private void execute(String sql, String parameter) {
        schema.ensure();
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update web sessions", e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
