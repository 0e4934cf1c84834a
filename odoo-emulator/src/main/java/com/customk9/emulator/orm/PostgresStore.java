package com.customk9.emulator.orm;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import com.customk9.emulator.model.FieldDef;
import com.customk9.emulator.model.ModelDef;
import com.customk9.emulator.model.ModelRegistry;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where the records live between restarts: schema {@code odoo_emulator} (configurable) with one JSONB row per record
 * ({@code record(model, id, data)}) and the id and number sequences ({@code sequence(name, value)}). Each ORM
 * transaction is written in one JDBC transaction before it becomes visible in memory.
 */
final class PostgresStore {

    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String DEADLOCK = "40P01";

    private final DataSource dataSource;
    private final String schema;
    private final ObjectMapper json = new ObjectMapper();

    PostgresStore(DataSource dataSource, String schema) {
        if (!schema.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain PostgreSQL schema name: " + schema);
        }
        this.dataSource = dataSource;
        this.schema = schema;
    }

    void createSchema() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists " + schema);
            statement.execute("create table if not exists " + schema + ".record (model text not null, "
                    + "id bigint not null, data jsonb not null, primary key (model, id))");
            statement.execute("create table if not exists " + schema + ".sequence (name text primary key, "
                    + "value bigint not null)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the emulator's schema " + schema, e);
        }
    }

    /** Loads every stored record into {@code tables}; records of models no longer defined are skipped. */
    void load(RecordTables tables, ModelRegistry registry) {
        tables.clear();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("select model, id, data::text from " + schema + ".record")) {
                while (rows.next()) {
                    ModelDef model = registry.find(rows.getString(1)).orElse(null);
                    if (model != null) {
                        tables.put(model.name(), rows.getLong(2), fromJson(model, rows.getString(3)));
                    }
                }
            }
            try (ResultSet rows = statement.executeQuery("select name, value from " + schema + ".sequence")) {
                while (rows.next()) {
                    tables.setSequence(rows.getString(1), rows.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load the emulator's records", e);
        }
    }

    void persist(Transaction tx) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                write(connection, tx);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            if (SERIALIZATION_FAILURE.equals(e.getSQLState()) || DEADLOCK.equals(e.getSQLState())) {
                throw new OdooException.SerializationFailure("could not serialize access due to concurrent update");
            }
            throw new IllegalStateException("cannot store the emulator's records", e);
        }
    }

    /** Replaces everything stored by what {@code tx} holds, in one JDBC transaction (reset to the demo data). */
    void replaceAll(Transaction tx) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("truncate " + schema + ".record, " + schema + ".sequence");
                write(connection, tx);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot replace the emulator's records", e);
        }
    }

    private void write(Connection connection, Transaction tx) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from " + schema + ".record where model = ? and id = ?")) {
            for (Map.Entry<String, Set<Long>> entry : tx.deleted().entrySet()) {
                for (Long id : entry.getValue()) {
                    delete.setString(1, entry.getKey());
                    delete.setLong(2, id);
                    delete.addBatch();
                }
            }
            delete.executeBatch();
        }
        try (PreparedStatement upsert = connection.prepareStatement("insert into " + schema
                + ".record (model, id, data) values (?, ?, ?::jsonb) on conflict (model, id) do update set data = "
                + "excluded.data")) {
            for (var table : tx.written().entrySet()) {
                for (var record : table.getValue().entrySet()) {
                    upsert.setString(1, table.getKey());
                    upsert.setLong(2, record.getKey());
                    upsert.setString(3, toJson(record.getValue()));
                    upsert.addBatch();
                }
            }
            upsert.executeBatch();
        }
        try (PreparedStatement sequence = connection.prepareStatement("insert into " + schema
                + ".sequence (name, value) values (?, ?) on conflict (name) do update set value = excluded.value")) {
            for (Map.Entry<String, Long> entry : tx.sequences().entrySet()) {
                sequence.setString(1, entry.getKey());
                sequence.setLong(2, entry.getValue());
                sequence.addBatch();
            }
            sequence.executeBatch();
        }
    }

    /** Empties both tables (back to a store that will be seeded again). */
    void truncate() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("truncate " + schema + ".record, " + schema + ".sequence");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the emulator's records", e);
        }
    }

    private String toJson(Map<String, Object> record) {
        try {
            return json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("record cannot be written as JSON", e);
        }
    }

    private Map<String, Object> fromJson(ModelDef model, String text) {
        Map<String, Object> raw;
        try {
            raw = json.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored record of " + model.name() + " is not JSON", e);
        }
        Map<String, Object> record = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : raw.entrySet()) {
            FieldDef field = model.field(entry.getKey());
            if (field != null && (field.isStoredHere() || field.isMagic())) {
                record.put(entry.getKey(), ValueConverter.fromJson(field, entry.getValue()));
            } else if (entry.getKey().startsWith("__")) {
                record.put(entry.getKey(), entry.getValue());
            }
        }
        return record;
    }
}
