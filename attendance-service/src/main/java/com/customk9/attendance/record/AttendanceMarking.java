package com.customk9.attendance.record;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.attendance.api.AttendanceException;
import com.customk9.attendance.api.Json;
import com.customk9.attendance.api.Times;
import com.customk9.attendance.config.AttendanceSettings;
import com.customk9.attendance.config.Settings;
import com.customk9.attendance.event.AttendanceEvents;
import com.customk9.attendance.log.SystemLogs;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Marking attendance and checking out, one person at a time (the person's row is locked for the
 * transaction, so two terminals marking the same person at once cannot both pass the duplicate check):
 * <ul>
 * <li>a mark within {@code duplicate_window_minutes} of the person's last check-in or check-out is
 * refused (409 {@code DUPLICATE_ATTENDANCE}, naming that record);</li>
 * <li>a manual mark while the person is checked in today is refused too (409 {@code ALREADY_CHECKED_IN}:
 * check out with {@code POST /attendance/{id}/checkout});</li>
 * <li>a face mark while the person is checked in today checks them out, as a terminal at the door does.</li>
 * </ul>
 * Each change writes its record, its log entry and its event in one transaction.
 */
@ApplicationScoped
public class AttendanceMarking {

    /** What a mark did: {@code check_in} or {@code check_out}, and the record after it. */
    public record Marked(String action, AttendanceRecord record) {
    }

    private final Pool pool;
    private final AttendanceSettings settings;
    private final AttendanceRecords records;
    private final AttendanceEvents events;
    private final SystemLogs logs;
    private final Times times;

    public AttendanceMarking(Pool pool, AttendanceSettings settings, AttendanceRecords records, AttendanceEvents events,
            SystemLogs logs, Times times) {
        this.pool = pool;
        this.settings = settings;
        this.records = records;
        this.events = events;
        this.logs = logs;
        this.times = times;
    }

    /** A check-in (source manual or card). */
    public Uni<Marked> mark(String personId, String source, Double confidence, String markedBy, String notes) {
        return settings.current().chain(current -> pool.withTransaction(connection -> lockPerson(connection, personId)
                .chain(person -> latest(connection, person.getLong("id")).chain(last -> {
                    refuseDuplicate(last, current);
                    if (last != null && last.checkOut() == null && last.date().equals(times.today())) {
                        throw AttendanceException.conflict("ALREADY_CHECKED_IN", personId + " is checked in since "
                                + times.record(last.checkIn()) + "; check out first",
                                Map.of("record_id", last.id()));
                    }
                    return checkIn(connection, person.getLong("id"), personId, source, confidence, markedBy, notes);
                }))));
    }

    /** A face at the terminal: checks in, or checks out a person checked in today. */
    public Uni<Marked> markOrCheckOut(String personId, double confidence, String markedBy) {
        return settings.current().chain(current -> pool.withTransaction(connection -> lockPerson(connection, personId)
                .chain(person -> latest(connection, person.getLong("id")).chain(last -> {
                    refuseDuplicate(last, current);
                    if (last != null && last.checkOut() == null && last.date().equals(times.today())) {
                        return checkOut(connection, last);
                    }
                    return checkIn(connection, person.getLong("id"), personId, "face", confidence, markedBy, null);
                }))));
    }

    public Uni<Marked> checkOut(long recordId) {
        return pool.withTransaction(connection -> records.find(connection, recordId, true)
                .onItem().ifNull().failWith(() -> AttendanceException.notFound("Attendance record", recordId))
                .chain(record -> {
                    if (record.checkOut() != null) {
                        throw AttendanceException.conflict("ALREADY_CHECKED_OUT", "This record was checked out at "
                                + times.record(record.checkOut()), Map.of("record_id", recordId));
                    }
                    return checkOut(connection, record);
                }));
    }

    private Uni<Row> lockPerson(SqlConnection connection, String personId) {
        return connection.preparedQuery("select id, status from person where person_id = $1 for update")
                .execute(Tuple.of(personId))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next() : null)
                .onItem().ifNull().failWith(() -> AttendanceException.notFound("Person", personId))
                .invoke(person -> {
                    if (!"active".equals(person.getString("status"))) {
                        throw AttendanceException.conflict("PERSON_NOT_ACTIVE", personId + " is " + person.getString("status"),
                                Map.of("person_id", personId, "status", person.getString("status")));
                    }
                });
    }

    private Uni<AttendanceRecord> latest(SqlConnection connection, long personRef) {
        return connection.preparedQuery(AttendanceRecords.SELECT + " where r.person_ref = $1 order by r.check_in desc, r.id desc limit 1")
                .execute(Tuple.of(personRef))
                .map(rows -> rows.iterator().hasNext() ? AttendanceRecords.record(rows.iterator().next()) : null);
    }

    private void refuseDuplicate(AttendanceRecord last, Settings current) {
        if (last == null || current.duplicateWindowMinutes() == 0) {
            return;
        }
        OffsetDateTime lastEvent = last.checkOut() != null ? last.checkOut() : last.checkIn();
        Duration since = Duration.between(lastEvent, OffsetDateTime.now());
        if (since.compareTo(Duration.ofMinutes(current.duplicateWindowMinutes())) < 0) {
            throw AttendanceException.conflict("DUPLICATE_ATTENDANCE", last.personId() + " was marked "
                    + Math.max(0, since.toMinutes()) + " minute(s) ago, within the duplicate window of "
                    + current.duplicateWindowMinutes() + " minutes",
                    Map.of("record_id", last.id(), "duplicate_window_minutes", current.duplicateWindowMinutes()));
        }
    }

    private Uni<Marked> checkIn(SqlConnection connection, long personRef, String personId, String source, Double confidence,
            String markedBy, String notes) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        return connection.preparedQuery("""
                insert into attendance_record (person_ref, check_in, work_date, source, confidence, marked_by, notes)
                values ($1, $2, $3, $4, $5, $6, $7) returning id""")
                .execute(Tuple.from(new Object[] { personRef, now, times.dateOf(now), source, confidence, markedBy, notes }))
                .chain(rows -> records.find(connection, rows.iterator().next().getLong("id"), false))
                .call(record -> events.publish(connection, AttendanceEvents.MARKED, personId, records.json(record)))
                .call(record -> logs.write(connection, "info", "attendance", "Attendance marked",
                        Json.object("record_id", record.id(), "person_id", personId, "source", source)))
                .map(record -> new Marked("check_in", record));
    }

    private Uni<Marked> checkOut(SqlConnection connection, AttendanceRecord open) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        int minutes = (int) Duration.between(open.checkIn(), now).toMinutes();
        return connection.preparedQuery("update attendance_record set check_out = $2, duration_minutes = $3 where id = $1")
                .execute(Tuple.of(open.id(), now, minutes))
                .chain(() -> records.find(connection, open.id(), false))
                .call(record -> events.publish(connection, AttendanceEvents.CHECKED_OUT, record.personId(), records.json(record)))
                .call(record -> logs.write(connection, "info", "attendance", "Checked out",
                        Json.object("record_id", record.id(), "person_id", record.personId(), "duration_minutes", minutes)))
                .map(record -> new Marked("check_out", record));
    }
}
