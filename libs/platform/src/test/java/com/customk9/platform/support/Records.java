package com.customk9.platform.support;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Topics for one test, and what actually landed on them. */
public final class Records {

    private Records() {
    }

    /** A new topic with a single partition, so everything on it has one total order. */
    public static String singlePartitionTopic(String bootstrapServers) {
        String topic = "test." + UUID.randomUUID();
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            companion.topics().createAndWait(topic, 1);
        }
        return topic;
    }

    /**
     * Every record of a single-partition topic before the first one keyed {@code markerKey}. Write
     * the marker after everything else was sent: anything sent twice is then in the list.
     */
    public static List<ConsumerRecord<String, String>> untilMarker(String bootstrapServers, String topic,
            String markerKey, Duration timeout) {
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            return companion.consumeStrings()
                    .fromTopics(Set.of(topic), records -> records.select().first(record -> !markerKey.equals(record.key())))
                    .awaitCompletion(timeout)
                    .getRecords();
        }
    }

    /** The first {@code count} records of a topic, from all partitions. */
    public static List<ConsumerRecord<String, String>> first(String bootstrapServers, String topic, int count,
            Duration timeout) {
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            return companion.consumeStrings().fromTopics(topic, count).awaitCompletion(timeout).getRecords();
        }
    }
}
