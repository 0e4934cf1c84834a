package com.customk9.platform.outbox;

import java.time.Duration;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.RecordMetadata;

import com.customk9.platform.event.CloudEventProducer;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;

/** The relay's Kafka side: a {@link CloudEventProducer} configured from {@code customk9.outbox.*}. */
@ApplicationScoped
@IfBuildProperty(name = "customk9.events.enabled", stringValue = "true", enableIfMissing = true)
public class OutboxProducer {

    private final CloudEventProducer producer;

    public OutboxProducer(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, OutboxConfig config) {
        this.producer = new CloudEventProducer(kafkaConfig, config.bootstrapServers(), config.sendTimeout(), "outbox-relay");
    }

    Uni<RecordMetadata> send(PendingEvent event) {
        return producer.send(event.topic(), event.key(), event.payload());
    }

    Duration guardTimeout() {
        return producer.guardTimeout();
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
