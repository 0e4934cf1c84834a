package com.customk9.training.support;

import java.util.List;
import java.util.Map;

import com.customk9.platform.testing.EventsTopic;

/** What landed on {@code customk9.training.events}, read from the beginning each time. */
public final class TrainingEventsTopic {

    public static final String TOPIC = "customk9.training.events";

    private TrainingEventsTopic() {
    }

    /** Every event of {@code type} about {@code subject} (e.g. user:12), as JSON maps. */
    public static List<Map<String, Object>> events(String subject, String type) {
        return EventsTopic.events(TOPIC, subject, type);
    }
}
