package com.customk9.platform.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * A real single-node Kafka broker (KRaft) inside the test JVM, shared by every test of a module.
 * Use it with {@code @WithTestResource(value = KafkaBrokerResource.class, scope = TestResourceScope.GLOBAL)}
 * on one test class: Quarkus then starts it once and points {@code kafka.bootstrap.servers} at it.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedKafkaBroker broker;

    @Override
    public synchronized Map<String, String> start() {
        if (broker == null || !broker.isRunning()) {
            broker = KafkaBrokers.startOnFreePort();
        }
        return Map.of("kafka.bootstrap.servers", broker.getAdvertisedListeners());
    }

    @Override
    public synchronized void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    /** The address of the shared broker, for tests that talk to it directly. */
    public static synchronized String bootstrapServers() {
        if (broker == null) {
            throw new IllegalStateException("the shared test broker is not running");
        }
        return broker.getAdvertisedListeners();
    }
}
