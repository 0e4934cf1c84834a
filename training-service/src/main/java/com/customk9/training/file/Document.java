package com.customk9.training.file;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.customk9.odoo.client.record.OdooRecord;
import com.customk9.training.dog.Dog;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A document on one of the caller's dogs (an ir.attachment of customk9.dog), without its content. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Document(
        long id,
        String name,
        String description,
        String mimetype,
        long size,
        @JsonProperty("sha1") String checksum,
        Dog.Ref dog,
        @JsonProperty("created_at") OffsetDateTime createdAt,
        @JsonProperty("content_url") String contentUrl) {

    static final String[] FIELDS = { "name", "description", "mimetype", "file_size", "checksum", "res_id", "res_name",
            "create_date" };

    static Document of(OdooRecord record) {
        long dogId = record.longValue("res_id").orElse(0L);
        return new Document(record.id(), FileNames.forDisplay(record.text("name")),
                record.string("description").orElse(null), record.string("mimetype").orElse(null),
                record.longValue("file_size").orElse(0L), record.string("checksum").orElse(null),
                new Dog.Ref(dogId, record.text("res_name")),
                record.dateTime("create_date").map(at -> at.atOffset(ZoneOffset.UTC)).orElse(null),
                "/api/files/" + record.id() + "/content");
    }
}
