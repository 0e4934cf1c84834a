package com.customk9.attendance.event;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.platform.event.CloudEvent;
import com.customk9.platform.event.Topics;
import com.customk9.platform.outbox.Outbox;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * {@code com.customk9.attendance.marked} and {@code com.customk9.attendance.checked-out} on {@code customk9.attendance.events},
 * through the outbox in the transaction of the record they describe, keyed by the person.
 */
@ApplicationScoped
public class AttendanceEvents {

    public static final String SOURCE = "/customk9/attendance";
    public static final String MARKED = "com.customk9.attendance.marked";
    public static final String CHECKED_OUT = "com.customk9.attendance.checked-out";

    private final Outbox outbox;
    private final ObjectMapper mapper;

    public AttendanceEvents(Outbox outbox, ObjectMapper mapper) {
        this.outbox = outbox;
        this.mapper = mapper;
    }

    public Uni<Void> publish(SqlClient transaction, String type, String personId, Map<String, Object> record) {
        CloudEvent event = CloudEvent.of(SOURCE, type, "person:" + personId, mapper.valueToTree(record));
        return outbox.publish(transaction, Topics.ATTENDANCE_EVENTS, event);
    }
}
