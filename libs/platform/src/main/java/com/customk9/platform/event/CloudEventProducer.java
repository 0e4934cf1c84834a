package com.customk9.platform.event;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Sends CloudEvents JSON to Kafka so that "acknowledged" means on every in-sync replica, written
 * once: an idempotent producer with {@code acks=all}. Its own timeouts guarantee an answer within
 * {@link #guardTimeout()}: a send either fails in that time or the record is on the broker, so a
 * caller that gave up never sees it written behind its back. Created on first use, so a service
 * starts while the broker is down. Used by the outbox relay and the gateway's webhook bridge.
 */
public final class CloudEventProducer implements AutoCloseable {

    private final Map<String, Object> settings;
    private final Duration sendTimeout;
    private Producer<String, String> producer;

    /**
     * @param kafkaConfig the service's {@code kafka.*} settings (the {@code default-kafka-broker} bean)
     * @param bootstrapServers other brokers than the service's, when set
     * @param sendTimeout how long one send may take, acknowledgement included
     */
    public CloudEventProducer(Map<String, Object> kafkaConfig, Optional<String> bootstrapServers, Duration sendTimeout,
            String clientId) {
        this.sendTimeout = sendTimeout;
        this.settings = settings(kafkaConfig, bootstrapServers, sendTimeout, clientId);
    }

    /** Sends one event; the item arrives once the broker acknowledged it. Never blocks the caller. */
    public Uni<RecordMetadata> send(String topic, String key, String cloudEventJson) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, cloudEventJson);
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

    /** Creates the producer and fetches the topic's metadata now (blocking), so the first send is fast. */
    public void fetchMetadata(String topic) {
        producer().partitionsFor(topic);
    }

    /** Longer than the producer can take to answer: waiting this long never abandons a send under way. */
    public Duration guardTimeout() {
        return sendTimeout.multipliedBy(2).plusSeconds(5);
    }

    static Map<String, Object> settings(Map<String, Object> kafkaConfig, Optional<String> bootstrapServers,
            Duration sendTimeout, String clientId) {
        Map<String, Object> settings = new HashMap<>();
        kafkaConfig.forEach((name, value) -> {
            if (ProducerConfig.configNames().contains(name)) {
                settings.put(name, value);
            }
        });
        bootstrapServers.ifPresent(servers -> settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers));
        long timeout = Math.max(sendTimeout.toMillis(), 1_000L);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout / 2);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) (timeout / 2));
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout);
        settings.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        settings.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return settings;
    }

    private synchronized Producer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
