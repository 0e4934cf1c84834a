package com.customk9.attendance.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.customk9.attendance.api.Envelope;
import com.customk9.attendance.api.Json;
import com.customk9.attendance.api.Times;
import com.customk9.attendance.key.Permissions;
import com.customk9.attendance.key.RequiresPermission;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The daily summary: how many active persons were present on a day, of how many, their average
 * duration (checked-out records only) and the earliest check-in and latest check-out, in the site's time.
 */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private final Pool pool;
    private final Times times;

    public ReportResource(Pool pool, Times times) {
        this.pool = pool;
        this.times = times;
    }

    @GET
    @Path("/daily-summary/{date}")
    @RequiresPermission(Permissions.REPORT_READ)
    public Uni<Envelope<Map<String, Object>>> dailySummary(@PathParam("date") String date) {
        return summary(Times.parseDate("date", date));
    }

    /** The alias the Odoo module's table names: {@code ?date=YYYY-MM-DD}, today by default. */
    @GET
    @Path("/daily")
    @RequiresPermission(Permissions.REPORT_READ)
    public Uni<Envelope<Map<String, Object>>> daily(@QueryParam("date") String date) {
        return summary(date == null || date.isBlank() ? times.today() : Times.parseDate("date", date));
    }

    private Uni<Envelope<Map<String, Object>>> summary(LocalDate day) {
        String zone = times.zone().getId();
        return pool.preparedQuery("""
                select count(distinct r.person_ref) as present,
                       (select count(*) from person where status = 'active') as total,
                       avg(r.duration_minutes) filter (where r.check_out is not null) as average_minutes,
                       min(r.check_in at time zone $2) as earliest,
                       max(r.check_out at time zone $2) as latest
                from attendance_record r where r.work_date = $1
                """).execute(Tuple.of(day, zone))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    Double average = row.getValue("average_minutes") == null ? null
                            : ((Number) row.getValue("average_minutes")).doubleValue();
                    LocalDateTime earliest = row.getLocalDateTime("earliest");
                    LocalDateTime latest = row.getLocalDateTime("latest");
                    return Envelope.of(Json.object("date", day.toString(), "present_count", row.getLong("present"),
                            "total_persons", row.getLong("total"),
                            "avg_duration_hours", average == null ? 0.0 : Math.round(average / 60.0 * 100) / 100.0,
                            "earliest_checkin", times.timeOfDay(earliest), "latest_checkout", times.timeOfDay(latest)));
                });
    }
}
