package com.customk9.attendance.api;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.platform.request.TooLargeBody;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The platform's body-size limit answers its 413 in this service's seed-004 error shape. */
@ApplicationScoped
public class SeedTooLargeBody implements TooLargeBody {

    private final ObjectMapper mapper;

    public SeedTooLargeBody(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String json(long limit) {
        try {
            return mapper.writeValueAsString(AttendanceError.of("PAYLOAD_TOO_LARGE",
                    "The request body is larger than the " + limit + " bytes this service accepts", Map.of("max_bytes", limit)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
