package com.customk9.attendance.record;

import java.time.LocalDate;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.customk9.attendance.api.AttendanceException;
import com.customk9.attendance.api.Envelope;
import com.customk9.attendance.api.Json;
import com.customk9.attendance.api.Times;
import com.customk9.attendance.key.Permissions;
import com.customk9.attendance.key.RequiresPermission;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.smallrye.mutiny.Uni;

@Path("/api/v1/attendance")
@Produces(MediaType.APPLICATION_JSON)
public class AttendanceResource {

    /** The seed's mark body; person_name is accepted and ignored (the person's stored name is used). */
    public record MarkRequest(
            @JsonProperty("person_id") @NotBlank @Size(max = 64) String personId,
            @JsonProperty("person_name") @Size(max = 200) String personName,
            @JsonProperty("marked_by") @Size(max = 100) String markedBy,
            @Size(max = 1000) String notes,
            @Pattern(regexp = "manual|card", message = "must be manual or card") String source) {
    }

    private final AttendanceRecords records;
    private final AttendanceMarking marking;

    public AttendanceResource(AttendanceRecords records, AttendanceMarking marking) {
        this.records = records;
        this.marking = marking;
    }

    @GET
    @RequiresPermission(Permissions.ATTENDANCE_READ)
    public Uni<Envelope<Map<String, Object>>> list(@QueryParam("start_date") String startDate,
            @QueryParam("end_date") String endDate, @QueryParam("person_id") @Size(max = 64) String personId,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(10000) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        LocalDate from = startDate == null || startDate.isBlank() ? null : Times.parseDate("start_date", startDate);
        LocalDate to = endDate == null || endDate.isBlank() ? null : Times.parseDate("end_date", endDate);
        if (from != null && to != null && to.isBefore(from)) {
            throw AttendanceException.invalid("end_date", "must not be before start_date");
        }
        return records.list(from, to, personId, limit, offset).map(page -> Envelope.of(Json.object(
                "records", page.records().stream().map(records::json).toList(), "total", page.total())));
    }

    @GET
    @Path("/{id}")
    @RequiresPermission(Permissions.ATTENDANCE_READ)
    public Uni<Envelope<Map<String, Object>>> get(@PathParam("id") long id) {
        return records.get(id).map(record -> Envelope.of(records.json(record)));
    }

    @POST
    @Path("/mark")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permissions.ATTENDANCE_WRITE)
    public Uni<Response> mark(@Valid @NotNull MarkRequest request) {
        String markedBy = request.markedBy() == null || request.markedBy().isBlank() ? "manual" : request.markedBy();
        return marking.mark(request.personId(), request.source() == null ? "manual" : request.source(), null, markedBy,
                request.notes())
                .map(marked -> Response.status(201).entity(Envelope.of("Attendance marked", records.json(marked.record())))
                        .build());
    }

    @POST
    @Path("/{id}/checkout")
    @RequiresPermission(Permissions.ATTENDANCE_WRITE)
    public Uni<Envelope<Map<String, Object>>> checkout(@PathParam("id") long id) {
        return marking.checkOut(id).map(marked -> Envelope.of("Checked out", records.json(marked.record())));
    }
}
