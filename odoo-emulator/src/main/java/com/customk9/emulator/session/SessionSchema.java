package com.customk9.emulator.session;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.runtime.StartupEvent;

import com.customk9.emulator.fault.EmulatorConfig;

/**
 * The emulator's own tables for sessions (in the {@code odoo} datasource, schema
 * {@code customk9.emulator.schema}, default {@code odoo_emulator}), created when missing so
 * sessions survive a restart. Tokens and session ids are stored only as SHA-256 hashes.
 */
@ApplicationScoped
public class SessionSchema {

    private static final Logger LOG = Logger.getLogger(SessionSchema.class);

    private static final String[] DDL = {
        "create schema if not exists SCHEMA",
        """
        create table if not exists SCHEMA.api_session (
            token_hash    text primary key,
            user_id       bigint not null,
            created_at    timestamptz not null,
            expires_at    timestamptz not null,
            last_activity timestamptz not null,
            revoked_at    timestamptz
        )""",
        "create index if not exists api_session_user_idx on SCHEMA.api_session (user_id)",
        """
        create table if not exists SCHEMA.web_session (
            sid_hash      text primary key,
            user_id       bigint not null,
            login         text not null,
            db            text not null,
            created_at    timestamptz not null,
            last_activity timestamptz not null
        )""",
    };

    private final AgroalDataSource dataSource;
    private final String schema;
    private volatile boolean ready;

    public SessionSchema(@DataSource("odoo") AgroalDataSource dataSource, EmulatorConfig config) {
        this.dataSource = dataSource;
        if (!config.schema().matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain PostgreSQL schema name: " + config.schema());
        }
        this.schema = config.schema();
    }

    /** The qualified name of one of the session tables: {@code api_session} or {@code web_session}. */
    public String table(String name) {
        return schema + "." + name;
    }

    void onStart(@Observes StartupEvent event) {
        try {
            ensure();
        } catch (RuntimeException e) {
            LOG.warnf("Session tables not ready at start-up, retrying on first use: %s", e.getMessage());
        }
    }

    /** Creates the tables when missing; cheap after the first success. */
    public void ensure() {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (ready) {
                return;
            }
            for (int attempt = 1; ; attempt++) {
                try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                    for (String ddl : DDL) {
                        statement.execute(ddl.replace("SCHEMA", schema));
                    }
                    ready = true;
                    return;
                } catch (SQLException e) {
                    // two processes creating the same objects at once: one of them sees a duplicate, then finds them
                    if (attempt >= 3 || !isConcurrentCreation(e)) {
                        throw new IllegalStateException("cannot create the emulator's session tables", e);
                    }
                }
            }
        }
    }

    private static boolean isConcurrentCreation(SQLException e) {
        return "23505".equals(e.getSQLState()) || "42P06".equals(e.getSQLState()) || "42P07".equals(e.getSQLState());
    }
}
