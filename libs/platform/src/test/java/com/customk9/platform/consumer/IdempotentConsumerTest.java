package com.customk9.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import com.customk9.platform.event.CloudEvent;
import com.customk9.platform.event.CloudEventCodec;
import com.customk9.platform.support.Db;
import com.customk9.platform.support.KennelVisitConsumer;
import com.customk9.platform.testing.KafkaBrokerResource;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;

@QuarkusTest
class IdempotentConsumerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String TOPIC = "test.kennel.events";

    @Inject
    IdempotentConsumer consumer;
    @Inject
    CloudEventCodec codec;
    @Inject
    Pool pool;

    private static CloudEvent visit(String kennel) {
        return CloudEvent.of("/customk9/platform-tests", "com.customk9.test.kennel.visited", kennel,
                JsonNodeFactory.instance.objectNode());
    }

    private long visits(String kennel) {
        return Db.count(pool, "select coalesce(sum(visits), 0) from kennel_visit where kennel_name = $1", kennel);
    }

    @Test
    void anEventDeliveredTwiceByKafkaHasOneEffect() {
        String kennel = "kennel:" + UUID.randomUUID();
        String marker = "kennel:" + UUID.randomUUID();
        String twice = codec.toJson(visit(kennel));
        try (KafkaCompanion companion = new KafkaCompanion(KafkaBrokerResource.bootstrapServers())) {
            companion.produceStrings().fromRecords(
                    new ProducerRecord<>(TOPIC, kennel, twice),
                    new ProducerRecord<>(TOPIC, kennel, "{not json at all"),
                    new ProducerRecord<>(TOPIC, kennel, twice),
                    new ProducerRecord<>(TOPIC, kennel, codec.toJson(visit(marker))))
                    .awaitCompletion(PATIENCE);
        }

        // Same key, same partition: once the marker is counted, both copies were consumed.
        await().atMost(PATIENCE).until(() -> visits(marker) == 1);
        assertThat(visits(kennel)).isEqualTo(1);
    }

    @Test
    void theSecondProcessingOfAnIdIsSkipped() throws Throwable {
        String kennel = "kennel:" + UUID.randomUUID();
        CloudEvent event = visit(kennel);

        boolean first = VertxContextSupport.subscribeAndAwait(
                () -> consumer.processOnce("direct", event, () -> KennelVisitConsumer.countVisit(kennel)));
        boolean second = VertxContextSupport.subscribeAndAwait(
                () -> consumer.processOnce("direct", event, () -> KennelVisitConsumer.countVisit(kennel)));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(visits(kennel)).isEqualTo(1);
    }

    @Test
    void anotherConsumerStillProcessesTheSameEvent() throws Throwable {
        String kennel = "kennel:" + UUID.randomUUID();
        CloudEvent event = visit(kennel);

        VertxContextSupport.subscribeAndAwait(() -> consumer.processOnce("billing", event, () -> KennelVisitConsumer.countVisit(kennel)));
        VertxContextSupport.subscribeAndAwait(() -> consumer.processOnce("reports", event, () -> KennelVisitConsumer.countVisit(kennel)));

        assertThat(visits(kennel)).isEqualTo(2);
    }

    @Test
    void aFailedEffectIsNotRecordedSoTheRedeliveryRetries() throws Throwable {
        String kennel = "kennel:" + UUID.randomUUID();
        CloudEvent event = visit(kennel);

        assertThrows(IllegalStateException.class, () -> VertxContextSupport.subscribeAndAwait(
                () -> consumer.processOnce("flaky", event, () -> KennelVisitConsumer.countVisit(kennel)
                        .chain(() -> Uni.createFrom().failure(new IllegalStateException("downstream failed"))))));
        assertThat(visits(kennel)).isZero();
        assertThat(Db.count(pool, "select count(*) from processed_event where event_id = $1", event.id())).isZero();

        boolean retried = VertxContextSupport.subscribeAndAwait(
                () -> consumer.processOnce("flaky", event, () -> KennelVisitConsumer.countVisit(kennel)));
        assertThat(retried).isTrue();
        assertThat(visits(kennel)).isEqualTo(1);
    }

    @Test
    void concurrentDeliveriesOfOneEventHaveOneEffect() {
        String kennel = "kennel:" + UUID.randomUUID();
        CloudEvent event = visit(kennel);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Boolean>> deliveries = IntStream.range(0, 8)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        try {
                            return VertxContextSupport.subscribeAndAwait(() -> consumer.processOnce("racy", event,
                                    () -> KennelVisitConsumer.countVisit(kennel)));
                        } catch (Throwable e) {
                            throw new IllegalStateException(e);
                        }
                    }, threads))
                    .toList();
            long effects = deliveries.stream().map(CompletableFuture::join).filter(ran -> ran).count();
            assertThat(effects).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
        assertThat(visits(kennel)).isEqualTo(1);
    }

    @Test
    void refusesABlankEventId() {
        assertThrows(IllegalArgumentException.class, () -> VertxContextSupport.subscribeAndAwait(
                () -> consumer.processOnce("direct", " ", () -> Uni.createFrom().voidItem())));
    }
}
