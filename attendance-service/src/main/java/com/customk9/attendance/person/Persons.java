package com.customk9.attendance.person;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.attendance.api.AttendanceException;
import com.customk9.attendance.log.SystemLogs;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

/** Persons in PostgreSQL, listed in creation order (stable paging), deleted softly. */
@ApplicationScoped
public class Persons {

    private static final String COLUMNS = "id, person_id, name, email, department, position, status, created_at, metadata";

    private final Pool pool;
    private final SystemLogs logs;
    private final ObjectMapper mapper;

    public Persons(Pool pool, SystemLogs logs, ObjectMapper mapper) {
        this.pool = pool;
        this.logs = logs;
        this.mapper = mapper;
    }

    public record Page(List<Person> persons, long total) {
    }

    public Uni<Page> list(String status, int limit, int offset) {
        return pool.preparedQuery("select " + COLUMNS + ", count(*) over () as total from person where status = $1 "
                + "order by id limit $2 offset $3").execute(Tuple.of(status, limit, offset))
                .chain(rows -> {
                    List<Person> persons = new ArrayList<>();
                    long total = -1;
                    for (Row row : rows) {
                        persons.add(person(row));
                        total = row.getLong("total");
                    }
                    if (total >= 0) {
                        return Uni.createFrom().item(new Page(persons, total));
                    }
                    return pool.preparedQuery("select count(*) from person where status = $1").execute(Tuple.of(status))
                            .map(counted -> new Page(persons, counted.iterator().next().getLong(0)));
                });
    }

    /** Any status, deleted included (a deleted person's records still name them). */
    public Uni<Person> get(String personId) {
        return find(pool, personId).onItem().ifNull().failWith(() -> AttendanceException.notFound("Person", personId));
    }

    public Uni<Person> find(SqlClient client, String personId) {
        return client.preparedQuery("select " + COLUMNS + " from person where person_id = $1").execute(Tuple.of(personId))
                .map(rows -> rows.iterator().hasNext() ? person(rows.iterator().next()) : null);
    }

    public Uni<Person> create(PersonRequest request) {
        if (request.personId() == null || request.name() == null || request.name().isBlank()) {
            throw AttendanceException.invalid(request.personId() == null ? "person_id" : "name", "is required");
        }
        return pool.withTransaction(connection -> connection.preparedQuery("""
                insert into person (person_id, name, email, department, position, status, metadata)
                values ($1, $2, $3, $4, $5, $6, $7) returning\s""" + COLUMNS)
                .execute(Tuple.from(new Object[] { request.personId(), request.name().trim(), request.email(),
                        request.department(), request.position(), request.status() == null ? "active" : request.status(),
                        json(request.metadata()) }))
                .map(rows -> person(rows.iterator().next()))
                .call(person -> logs.write(connection, "info", "sync", "Person created", Map.of("person_id", person.personId()))))
                .onFailure(PgException.class).transform(error -> "23505".equals(((PgException) error).getSqlState())
                        ? AttendanceException.conflict("PERSON_EXISTS", "A person with person_id " + request.personId()
                                + " exists already", Map.of("person_id", request.personId()))
                        : error);
    }

    /** Changes the fields present in the request; person_id cannot change. */
    public Uni<Person> update(String personId, PersonRequest request) {
        if (request.personId() != null && !request.personId().equals(personId)) {
            throw AttendanceException.invalid("person_id", "cannot be changed");
        }
        if (request.name() != null && request.name().isBlank()) {
            throw AttendanceException.invalid("name", "must not be blank");
        }
        return pool.withTransaction(connection -> connection.preparedQuery("""
                update person set name = coalesce($2, name), email = coalesce($3, email),
                    department = coalesce($4, department), position = coalesce($5, position),
                    status = coalesce($6, status), metadata = coalesce($7, metadata), updated_at = now()
                where person_id = $1 and status <> 'deleted' returning\s""" + COLUMNS)
                .execute(Tuple.from(new Object[] { personId, request.name() == null ? null : request.name().trim(),
                        request.email(), request.department(), request.position(), request.status(),
                        request.metadata() == null ? null : json(request.metadata()) }))
                .map(rows -> rows.iterator().hasNext() ? person(rows.iterator().next()) : null)
                .onItem().ifNull().failWith(() -> AttendanceException.notFound("Person", personId))
                .call(person -> logs.write(connection, "info", "sync", "Person updated", Map.of("person_id", personId))));
    }

    public Uni<Person> delete(String personId) {
        return pool.withTransaction(connection -> connection.preparedQuery(
                "update person set status = 'deleted', updated_at = now() where person_id = $1 and status <> 'deleted' returning "
                        + COLUMNS)
                .execute(Tuple.of(personId))
                .map(rows -> rows.iterator().hasNext() ? person(rows.iterator().next()) : null)
                .onItem().ifNull().failWith(() -> AttendanceException.notFound("Person", personId))
                .call(person -> connection.preparedQuery("delete from face_template where person_ref = $1")
                        .execute(Tuple.of(person.ref())))
                .call(person -> logs.write(connection, "info", "sync", "Person deleted", Map.of("person_id", personId))));
    }

    public Uni<Long> countActive() {
        return pool.query("select count(*) from person where status = 'active'").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    Person person(Row row) {
        return new Person(row.getLong("id"), row.getString("person_id"), row.getString("name"), row.getString("email"),
                row.getString("department"), row.getString("position"), row.getString("status"),
                row.getOffsetDateTime("created_at"), metadata(row.getString("metadata")));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> metadata(String json) {
        try {
            return json == null ? Map.of() : mapper.readValue(json, LinkedHashMap.class);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private String json(Map<String, Object> metadata) {
        try {
            return mapper.writeValueAsString(metadata == null ? Map.of() : metadata);
        } catch (JsonProcessingException e) {
            throw AttendanceException.invalid("metadata", "must be a JSON object");
        }
    }
}
