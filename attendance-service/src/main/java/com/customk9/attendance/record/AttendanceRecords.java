package com.customk9.attendance.record;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.attendance.api.AttendanceException;
import com.customk9.attendance.api.Json;
import com.customk9.attendance.api.Times;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Reading attendance records. Lists are in ascending id order: a record created between two page
 * requests lands after the last page, so paging with offset never skips or repeats a record.
 */
@ApplicationScoped
public class AttendanceRecords {

    static final String SELECT = """
            select r.id, p.person_id, p.name, r.check_in, r.check_out, r.work_date, r.duration_minutes, r.source,
                   r.confidence, r.marked_by, r.notes
            from attendance_record r join person p on p.id = r.person_ref
            """;

    private final Pool pool;
    private final Times times;

    public AttendanceRecords(Pool pool, Times times) {
        this.pool = pool;
        this.times = times;
    }

    public record Page(List<AttendanceRecord> records, long total) {
    }

    public Uni<Page> list(LocalDate from, LocalDate to, String personId, int limit, int offset) {
        String where = " where ($1::date is null or r.work_date >= $1) and ($2::date is null or r.work_date <= $2)"
                + " and ($3::text is null or p.person_id = $3)";
        Tuple filter = Tuple.of(from, to, personId);
        return pool.preparedQuery(SELECT + where + " order by r.id limit $4 offset $5")
                .execute(Tuple.of(from, to, personId, limit, offset))
                .chain(rows -> {
                    List<AttendanceRecord> records = new ArrayList<>();
                    rows.forEach(row -> records.add(record(row)));
                    return pool.preparedQuery("select count(*) from attendance_record r join person p on p.id = r.person_ref" + where)
                            .execute(filter).map(count -> new Page(records, count.iterator().next().getLong(0)));
                });
    }

    public Uni<AttendanceRecord> get(long id) {
        return find(pool, id, false).onItem().ifNull().failWith(() -> AttendanceException.notFound("Attendance record", id));
    }

    Uni<AttendanceRecord> find(SqlClient client, long id, boolean lock) {
        return client.preparedQuery(SELECT + " where r.id = $1" + (lock ? " for update of r" : "")).execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? record(rows.iterator().next()) : null);
    }

    /** The seed's record fields, in its order, plus notes. */
    public Map<String, Object> json(AttendanceRecord record) {
        return Json.object("id", record.id(), "person_id", record.personId(), "person_name", record.personName(),
                "check_in", times.record(record.checkIn()), "check_out", times.record(record.checkOut()),
                "date", record.date().toString(), "duration_minutes", record.durationMinutes(), "status", record.status(),
                "source", record.source(), "confidence", record.confidence(), "marked_by", record.markedBy(),
                "notes", record.notes());
    }

    static AttendanceRecord record(Row row) {
        return new AttendanceRecord(row.getLong("id"), row.getString("person_id"), row.getString("name"),
                row.getOffsetDateTime("check_in"), row.getOffsetDateTime("check_out"), row.getLocalDate("work_date"),
                row.getInteger("duration_minutes"), row.getString("source"), row.getDouble("confidence"),
                row.getString("marked_by"), row.getString("notes"));
    }
}
