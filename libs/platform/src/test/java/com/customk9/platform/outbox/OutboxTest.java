package com.customk9.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.customk9.platform.event.CloudEvent;
import com.customk9.platform.event.CloudEventCodec;
import com.customk9.platform.support.Db;
import com.customk9.platform.support.KennelService;
import com.customk9.platform.support.Records;
import com.customk9.platform.testing.KafkaBrokerResource;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;

@QuarkusTest
class OutboxTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @Inject
    KennelService kennels;
    @Inject
    Outbox outbox;
    @Inject
    OutboxRelay relay;
    @Inject
    CloudEventCodec codec;
    @Inject
    Pool pool;

    private static String newTopic() {
        return Records.singlePartitionTopic(KafkaBrokerResource.bootstrapServers());
    }

    private void awaitAllSent(String topic) {
        await().atMost(DELIVERY).until(() -> Db.count(pool,
                "select count(*) from outbox_event where topic = $1 and sent_at is null", topic) == 0);
    }

    private CloudEvent open(String topic, String name, String key, int sequence) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> kennels.open(topic, name, key, sequence));
    }

    @Test
    void deliversACommittedEventAsACloudEventKeyedBySubject() throws Throwable {
        String topic = newTopic();
        String name = "alpha-" + UUID.randomUUID();
        CloudEvent written = open(topic, name, "kennel:" + name, 1);
        awaitAllSent(topic);
        open(topic, "marker-" + UUID.randomUUID(), "kennel:" + name + ":end", 2);

        List<ConsumerRecord<String, String>> records = Records.untilMarker(KafkaBrokerResource.bootstrapServers(), topic,
                "kennel:" + name + ":end", DELIVERY);

        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(record.key()).isEqualTo("kennel:" + name);
        assertThat(new String(record.headers().lastHeader("content-type").value()))
                .startsWith("application/cloudevents+json");
        CloudEvent received = codec.fromJson(record.value());
        assertThat(received.id()).isEqualTo(written.id());
        assertThat(received.specversion()).isEqualTo("1.0");
        assertThat(received.type()).isEqualTo(KennelService.OPENED);
        assertThat(received.source()).isEqualTo(KennelService.SOURCE);
        assertThat(received.data().get("name").asText()).isEqualTo(name);
        assertThat(Db.count(pool, "select count(*) from outbox_event where event_id = $1 and sent_at is not null",
                written.id())).isEqualTo(1);
    }

    @Test
    void writesNeitherStateNorEventWhenTheTransactionRollsBack() throws Throwable {
        String topic = newTopic();
        String name = "doomed-" + UUID.randomUUID();

        assertThrows(IllegalStateException.class,
                () -> VertxContextSupport.subscribeAndAwait(() -> kennels.openThenFail(topic, name)));

        assertThat(Db.count(pool, "select count(*) from kennel where name = $1", name)).isZero();
        assertThat(Db.count(pool, "select count(*) from outbox_event where topic = $1", topic)).isZero();
        String marker = "kennel:marker-" + UUID.randomUUID();
        awaitAllSent(topic);
        open(topic, "marker-" + UUID.randomUUID(), marker, 1);
        assertThat(Records.untilMarker(KafkaBrokerResource.bootstrapServers(), topic, marker, DELIVERY)).isEmpty();
    }

    @Test
    void refusesToRecordAnEventOutsideATransaction() {
        CloudEvent event = CloudEvent.of(KennelService.SOURCE, KennelService.OPENED, "kennel:x",
                JsonNodeFactory.instance.objectNode());
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> outbox.publish("test.never", event))));
        assertThat(error.getMessage()).contains("inside the transaction");
    }

    @Test
    void deliversEventsOfEachKeyInTheOrderTheyWereWritten() throws Throwable {
        String topic = "test.ordered." + UUID.randomUUID();
        List<String> keys = List.of("dog:1", "dog:2", "dog:3");
        for (int sequence = 0; sequence < 20; sequence++) {
            for (String key : keys) {
                open(topic, key + "-" + sequence + "-" + UUID.randomUUID(), key, sequence);
            }
        }

        List<ConsumerRecord<String, String>> records = Records.first(KafkaBrokerResource.bootstrapServers(), topic, 60,
                DELIVERY);

        Map<String, List<Integer>> sequencesByKey = records.stream()
                .sorted(Comparator.comparingLong(ConsumerRecord::offset))
                .collect(Collectors.groupingBy(ConsumerRecord::key,
                        Collectors.mapping(record -> codec.fromJson(record.value()).data().get("sequence").asInt(),
                                Collectors.toList())));
        List<Integer> expected = IntStream.range(0, 20).boxed().toList();
        keys.forEach(key -> assertThat(sequencesByKey.get(key)).as("order of %s", key).isEqualTo(expected));
    }

    @Test
    void concurrentRelayPassesNeverSendAnEventTwice() throws Throwable {
        String topic = newTopic();
        String key = "crate:" + UUID.randomUUID();
        List<String> written = new ArrayList<>();
        for (int sequence = 0; sequence < 40; sequence++) {
            written.add(open(topic, "crate-" + sequence + "-" + UUID.randomUUID(), key, sequence).id());
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Integer>> passes = IntStream.range(0, 8)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> relay.relayPending().await().atMost(DELIVERY), threads))
                    .toList();
            passes.forEach(CompletableFuture::join);
        } finally {
            threads.shutdownNow();
        }
        awaitAllSent(topic);
        open(topic, "marker-" + UUID.randomUUID(), key + ":end", 0);

        List<ConsumerRecord<String, String>> records = Records.untilMarker(KafkaBrokerResource.bootstrapServers(), topic,
                key + ":end", DELIVERY);

        assertThat(records).extracting(record -> codec.fromJson(record.value()).id())
                .containsExactlyElementsOf(written);
    }
}
