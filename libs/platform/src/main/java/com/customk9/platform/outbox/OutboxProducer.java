package com.customk9.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import com.customk9.platform.event.CloudEvent;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The Kafka producer behind the outbox: idempotent, {@code acks=all}, so an acknowledged event is
 * on every in-sync replica and a retried batch is never written twice. Created on first use, so a
 * service starts while the broker is down.
 */
@ApplicationScoped
@IfBuildProperty(name = "customk9.events.enabled", stringValue = "true", enableIfMissing = true)
public class OutboxProducer {

    private final Map<String, Object> kafkaConfig;
    private final OutboxConfig config;
    private Producer<String, String> producer;

    public OutboxProducer(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, OutboxConfig config) {
        this.kafkaConfig = kafkaConfig;
        this.config = config;
    }

    /** Sends one event; the item arrives once the broker acknowledged it. Never blocks the caller. */
    Uni<RecordMetadata> send(PendingEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), event.payload());
        record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return Uni.createFrom().<RecordMetadata> emitter(emitter -> {
            try {
                producer().send(record, (metadata, error) -> {
                    if (error != null) {
                        emitter.fail(error);
                    } else {
                        emitter.complete(metadata);
                    }
                });
            } catch (RuntimeException e) {
                emitter.fail(e);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** Longer than the producer can take to report, so the relay never gives up on a send still under way. */
    Duration guardTimeout() {
        return config.sendTimeout().multipliedBy(2).plusSeconds(5);
    }

    private synchronized Producer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    Map<String, Object> producerConfig() {
        Map<String, Object> settings = new HashMap<>();
        kafkaConfig.forEach((name, value) -> {
            if (ProducerConfig.configNames().contains(name)) {
                settings.put(name, value);
            }
        });
        config.bootstrapServers().ifPresent(servers -> settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers));
        // The producer itself guarantees a callback within max.block + delivery.timeout: a send
        // either fails in that time, or the record is on the broker. Nothing is retried behind
        // the relay's back after it gave up.
        long sendTimeout = Math.max(config.sendTimeout().toMillis(), 1_000L);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, sendTimeout / 2);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) (sendTimeout / 2));
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) sendTimeout);
        settings.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        settings.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        return settings;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
