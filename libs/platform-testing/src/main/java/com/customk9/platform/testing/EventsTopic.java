package com.customk9.platform.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What landed on a topic of the shared test broker, read from the beginning each time. */
public final class EventsTopic {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventsTopic() {
    }

    /** Every event of {@code type} about {@code subject} (e.g. user:12), as JSON maps. */
    public static List<Map<String, Object>> events(String topic, String subject, String type) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (ConsumerRecord<String, String> record : all(topic)) {
            if (subject.equals(record.key())) {
                Map<String, Object> event = json(record.value());
                if (type.equals(event.get("type"))) {
                    found.add(event);
                }
            }
        }
        return found;
    }

    private static List<ConsumerRecord<String, String>> all(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "tests-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (partitions == null || partitions.isEmpty()) {
                return List.of();
            }
            List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (assigned.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static Map<String, Object> json(String value) {
        try {
            return MAPPER.readValue(value, new TypeReference<>() {
            });
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
