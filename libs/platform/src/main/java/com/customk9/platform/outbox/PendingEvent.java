package com.customk9.platform.outbox;

import io.vertx.mutiny.sqlclient.Row;

/** One row of the outbox waiting to be relayed. */
record PendingEvent(long id, String eventId, String topic, String key, String payload) {

    static PendingEvent from(Row row) {
        return new PendingEvent(row.getLong("id"), row.getString("event_id"), row.getString("topic"),
                row.getString("message_key"), row.getString("payload"));
    }
}
