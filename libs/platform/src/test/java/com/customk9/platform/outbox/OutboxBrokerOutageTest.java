package com.customk9.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.customk9.platform.event.CloudEventCodec;
import com.customk9.platform.support.Db;
import com.customk9.platform.support.KennelService;
import com.customk9.platform.support.Records;
import com.customk9.platform.testing.KafkaBrokers;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The relay's broker is down while events are written; once it is up, every event arrives, in
 * order per key, and none twice.
 */
@QuarkusTest
@TestProfile(OutboxBrokerOutageTest.BrokerNotYetStarted.class)
class OutboxBrokerOutageTest {

    /** Points the relay at a port where no broker listens yet. */
    public static class BrokerNotYetStarted implements QuarkusTestProfile {
        static final int PORT = KafkaBrokers.freePort();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("customk9.outbox.bootstrap-servers", "127.0.0.1:" + PORT,
                    "customk9.outbox.send-timeout", "2s");
        }
    }

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    KennelService kennels;
    @Inject
    CloudEventCodec codec;
    @Inject
    Pool pool;

    @Test
    void deliversEverythingOnceAfterTheBrokerComesBack() throws Throwable {
        String topic = "test.outage." + UUID.randomUUID();
        List<String> keys = List.of("dog:7", "dog:8");
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int sequence = i;
            for (String key : keys) {
                String name = key + "-" + sequence + "-" + UUID.randomUUID();
                written.add(VertxContextSupport.subscribeAndAwait(() -> kennels.open(topic, name, key, sequence)).id());
            }
        }

        // The relay keeps trying and backing off, and sends nothing.
        await().atMost(PATIENCE).until(() -> Db.count(pool,
                "select coalesce(max(attempts), 0) from outbox_event where topic = $1", topic) >= 2);
        assertThat(Db.count(pool, "select count(*) from outbox_event where topic = $1 and sent_at is not null", topic))
                .isZero();
        assertThat(Db.count(pool, "select count(*) from outbox_event where topic = $1 and failed_at is not null", topic))
                .isZero();

        EmbeddedKafkaBroker broker = KafkaBrokers.startOn(BrokerNotYetStarted.PORT);
        try {
            await().atMost(PATIENCE).until(() -> Db.count(pool,
                    "select count(*) from outbox_event where topic = $1 and sent_at is null", topic) == 0);

            List<ConsumerRecord<String, String>> records = Records.first(broker.getAdvertisedListeners(), topic,
                    written.size(), PATIENCE);
            // A marker written after everything was acknowledged, on each key, closes the count: a
            // duplicate would have to arrive before it.
            for (String key : keys) {
                VertxContextSupport.subscribeAndAwait(() -> kennels.open(topic, "end-" + UUID.randomUUID(), key, 99));
            }
            List<ConsumerRecord<String, String>> all = Records.first(broker.getAdvertisedListeners(), topic,
                    written.size() + keys.size(), PATIENCE);

            assertThat(records).hasSize(written.size());
            List<String> delivered = all.stream().map(record -> codec.fromJson(record.value()))
                    .filter(event -> event.data().get("sequence").asInt() != 99)
                    .map(event -> event.id()).toList();
            assertThat(delivered).containsExactlyInAnyOrderElementsOf(written).doesNotHaveDuplicates();
            for (String key : keys) {
                List<Integer> sequences = all.stream().filter(record -> key.equals(record.key()))
                        .sorted(java.util.Comparator.comparingLong(ConsumerRecord::offset))
                        .map(record -> codec.fromJson(record.value()).data().get("sequence").asInt()).toList();
                assertThat(sequences).as("order of %s", key)
                        .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 99);
            }
        } finally {
            broker.close();
        }
    }
}
