package com.customk9.gateway.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import com.customk9.gateway.route.GatewayConfig;
import com.customk9.platform.event.CloudEvent;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Puts verified webhooks on {@code odoo.webhooks}: idempotent producer, {@code acks=all}, so the
 * item arrives only once every in-sync replica has the record. Its own timeouts bound a send to
 * {@code send-timeout}. The producer is created and the topic's metadata fetched in the background
 * at start-up: Odoo gives a webhook one second and never retries, too little for a cold producer.
 * The gateway still starts without a broker.
 */
@ApplicationScoped
public class WebhookPublisher {

    private final Map<String, Object> kafkaConfig;
    private final GatewayConfig.Webhook config;
    private static final Logger LOG = Logger.getLogger(WebhookPublisher.class);

    private Producer<String, String> producer;

    public WebhookPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, GatewayConfig config) {
        this.kafkaConfig = kafkaConfig;
        this.config = config.webhook();
    }

    public Uni<RecordMetadata> publish(String key, String cloudEventJson) {
        ProducerRecord<String, String> record = new ProducerRecord<>(config.topic(), key, cloudEventJson);
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

    public void warmUp(@Observes StartupEvent started) {
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                producer().partitionsFor(config.topic());
            } catch (RuntimeException e) {
                LOG.warnf("Kafka is not reachable yet for %s; webhooks will wait for it: %s", config.topic(), e.toString());
            }
        });
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
        long sendTimeout = Math.max(config.sendTimeout().toMillis(), 1_000L);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, sendTimeout / 2);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) (sendTimeout / 2));
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) sendTimeout);
        settings.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        settings.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "gateway-webhooks");
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
