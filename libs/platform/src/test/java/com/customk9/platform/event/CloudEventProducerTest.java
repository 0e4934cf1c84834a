package com.customk9.platform.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class CloudEventProducerTest {

    private static final Map<String, Object> SERVICE_KAFKA = Map.of(
            "bootstrap.servers", "127.0.0.1:9092",
            "acks", "1",
            "group.id", "a-consumer-setting");

    @Test
    void acknowledgesOnEveryReplicaAndWritesOnce() {
        Map<String, Object> settings = CloudEventProducer.settings(SERVICE_KAFKA, Optional.empty(), Duration.ofSeconds(10), "x");
        assertThat(settings).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092")
                .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "x")
                .doesNotContainKey("group.id");
    }

    @Test
    void answersWithinTheGuardTimeout() {
        Duration sendTimeout = Duration.ofSeconds(4);
        Map<String, Object> settings = CloudEventProducer.settings(SERVICE_KAFKA, Optional.empty(), sendTimeout, "x");
        long maxBlock = ((Number) settings.get(ProducerConfig.MAX_BLOCK_MS_CONFIG)).longValue();
        long delivery = ((Number) settings.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)).longValue();
        long request = ((Number) settings.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG)).longValue();
        assertThat(delivery).isGreaterThanOrEqualTo(request);
        assertThat(Duration.ofMillis(maxBlock + delivery))
                .isLessThan(new CloudEventProducer(SERVICE_KAFKA, Optional.empty(), sendTimeout, "x").guardTimeout());
    }

    @Test
    void sendsToOtherBrokersWhenAsked() {
        Map<String, Object> settings = CloudEventProducer.settings(SERVICE_KAFKA, Optional.of("127.0.0.1:19093"),
                Duration.ofSeconds(10), "x");
        assertThat(settings).containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:19093");
    }
}
