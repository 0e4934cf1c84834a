package com.customk9.platform.event;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads and writes the JSON form of {@link CloudEvent} with the service's configured ObjectMapper. */
@ApplicationScoped
public class CloudEventCodec {

    private final ObjectMapper mapper;

    public CloudEventCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String toJson(CloudEvent event) {
        try {
            return mapper.writeValueAsString(event.requireValid());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data cannot be written as JSON", e);
        }
    }

    public CloudEvent fromJson(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidEventException("empty event");
        }
        try {
            return mapper.readValue(json, CloudEvent.class).requireValid();
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("not a CloudEvents JSON document", e);
        }
    }
}
