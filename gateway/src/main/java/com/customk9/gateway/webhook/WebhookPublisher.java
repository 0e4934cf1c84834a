package com.customk9.gateway.webhook;

import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import com.customk9.gateway.route.GatewayConfig;
import com.customk9.platform.event.CloudEventProducer;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Puts verified webhooks on {@code odoo.webhooks} with libs/platform's {@link CloudEventProducer}:
 * the item arrives only once every in-sync replica has the record. The producer is created and the
 * topic's metadata fetched in the background at start-up: Odoo gives a webhook one second and never
 * retries, too little for a cold producer. The gateway still starts without a broker.
 */
@ApplicationScoped
public class WebhookPublisher {

    private static final Logger LOG = Logger.getLogger(WebhookPublisher.class);

    private final GatewayConfig.Webhook config;
    private final CloudEventProducer producer;

    public WebhookPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, GatewayConfig config) {
        this.config = config.webhook();
        this.producer = new CloudEventProducer(kafkaConfig, this.config.bootstrapServers(), this.config.sendTimeout(),
                "gateway-webhooks");
    }

    public Uni<RecordMetadata> publish(String key, String cloudEventJson) {
        return producer.send(config.topic(), key, cloudEventJson);
    }

    public void warmUp(@Observes StartupEvent started) {
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                producer.fetchMetadata(config.topic());
            } catch (RuntimeException e) {
                LOG.warnf("Kafka is not reachable yet for %s; webhooks will wait for it: %s", config.topic(), e.toString());
            }
        });
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
