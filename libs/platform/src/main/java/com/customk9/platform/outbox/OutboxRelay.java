package com.customk9.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Delivers outbox events to Kafka, at least once and in order per key:
 * <ul>
 * <li>one relay at a time per database (a transaction-scoped advisory lock), so replicas never race;</li>
 * <li>events of one key are sent one after the other, each only after the previous one was
 * acknowledged; different keys go in parallel;</li>
 * <li>an event is marked sent only after the broker acknowledged it;</li>
 * <li>while the broker is down the relay backs off exponentially, up to {@code max-backoff}, and
 * keeps every event; an event the broker can never take (too large, invalid topic) is set aside as
 * failed and logged, so it cannot block its key forever.</li>
 * </ul>
 * A crash between the broker's acknowledgement and the commit resends that event, which is why
 * consumers are idempotent.
 */
@ApplicationScoped
@IfBuildProperty(name = "customk9.events.enabled", stringValue = "true", enableIfMissing = true)
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Any constant shared by all replicas of a service: the lock is per database. */
    private static final long RELAY_LOCK = 0x6b39_6f75_7462_6f78L;

    private final Pool pool;
    private final OutboxProducer producer;
    private final OutboxConfig config;
    private final Vertx vertx;
    private final Counter sentCounter;
    private final Counter retryCounter;
    private final Counter deadCounter;
    private final AtomicInteger pending = new AtomicInteger();

    private volatile int consecutiveFailures;
    private volatile Instant pausedUntil = Instant.MIN;
    private volatile Context context;

    public OutboxRelay(Pool pool, OutboxProducer producer, OutboxConfig config, Vertx vertx, MeterRegistry registry) {
        this.pool = pool;
        this.producer = producer;
        this.config = config;
        this.vertx = vertx;
        this.sentCounter = registry.counter("customk9.outbox.sent");
        this.retryCounter = registry.counter("customk9.outbox.retries");
        this.deadCounter = registry.counter("customk9.outbox.failed");
        registry.gauge("customk9.outbox.pending", pending);
    }

    @Scheduled(every = "${customk9.outbox.poll-interval:1s}", delayed = "${customk9.outbox.start-delay:0s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = RelayDisabled.class)
    Uni<Void> poll() {
        if (Instant.now().isBefore(pausedUntil)) {
            return Uni.createFrom().voidItem();
        }
        return relayPending()
                .onFailure().invoke(error -> LOG.warnf("Outbox relay pass failed: %s", error.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * One pass: takes the oldest pending events, sends them, records the outcome. Returns how many
     * were acknowledged, or 0 when another replica holds the relay lock.
     */
    public Uni<Integer> relayPending() {
        return pool.withTransaction(connection -> connection
                .preparedQuery("select pg_try_advisory_xact_lock($1) as locked").execute(Tuple.of(RELAY_LOCK))
                .chain(rows -> rows.iterator().next().getBoolean("locked")
                        ? relayUnderLock(connection)
                        : Uni.createFrom().item(0)));
    }

    /** How long the relay waits before its next attempt, given the failures so far. */
    static Duration backoff(int consecutiveFailures, Duration initial, Duration max) {
        if (consecutiveFailures <= 0) {
            return Duration.ZERO;
        }
        int doublings = Math.min(consecutiveFailures - 1, 30);
        Duration delay = initial.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }

    private Uni<Integer> relayUnderLock(SqlConnection connection) {
        return connection.preparedQuery("""
                select id, event_id, topic, message_key, payload from outbox_event
                where sent_at is null and failed_at is null
                order by id limit $1
                """).execute(Tuple.of(config.batchSize()))
                .chain(rows -> {
                    List<PendingEvent> batch = new ArrayList<>();
                    for (Row row : rows) {
                        batch.add(PendingEvent.from(row));
                    }
                    pending.set(batch.size());
                    if (batch.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    RelayPass pass = new RelayPass();
                    return sendAll(batch, pass)
                            .chain(() -> record(connection, pass))
                            .invoke(() -> afterPass(pass))
                            .replaceWith(pass.sent.size());
                });
    }

    private Uni<Void> sendAll(List<PendingEvent> batch, RelayPass pass) {
        Map<String, List<PendingEvent>> byKey = new LinkedHashMap<>();
        for (PendingEvent event : batch) {
            byKey.computeIfAbsent(event.topic() + '\u0000' + event.key(), key -> new ArrayList<>()).add(event);
        }
        List<Uni<Void>> chains = byKey.values().stream().map(events -> sendInOrder(events, 0, pass)).toList();
        return Uni.join().all(chains).andCollectFailures().replaceWithVoid();
    }

    private enum Outcome { SENT, SET_ASIDE, RETRY_LATER }

    /** Sends events[index..] one by one; stops at the first one the broker did not take. */
    private Uni<Void> sendInOrder(List<PendingEvent> events, int index, RelayPass pass) {
        if (index == events.size()) {
            return Uni.createFrom().voidItem();
        }
        PendingEvent event = events.get(index);
        return producer.send(event)
                .ifNoItem().after(producer.guardTimeout()).fail()
                .emitOn(onRelayContext())
                .map(metadata -> {
                    pass.sent(event.id());
                    return Outcome.SENT;
                })
                .onFailure().recoverWithItem(error -> {
                    if (isPermanent(error)) {
                        LOG.errorf("Outbox event %s (row %d) can never be delivered to %s, set aside: %s",
                                event.eventId(), event.id(), event.topic(), error.toString());
                        pass.dead(event.id(), error.toString());
                        return Outcome.SET_ASIDE;
                    }
                    pass.retry(event.id(), error.toString());
                    return Outcome.RETRY_LATER;
                })
                .chain(outcome -> outcome == Outcome.RETRY_LATER
                        ? Uni.createFrom().voidItem()
                        : sendInOrder(events, index + 1, pass));
    }

    /** Writes the pass's outcome, one statement after the other on the relay's connection. */
    private Uni<Void> record(SqlConnection connection, RelayPass pass) {
        Uni<Void> updates = Uni.createFrom().voidItem();
        if (!pass.sent.isEmpty()) {
            Long[] sentIds = pass.sent.toArray(Long[]::new);
            updates = updates.chain(() -> execute(connection,
                    "update outbox_event set sent_at = now() where id = any($1)", Tuple.of(sentIds)));
        }
        for (RelayPass.Failure failure : pass.retry) {
            updates = updates.chain(() -> execute(connection,
                    "update outbox_event set attempts = attempts + 1, last_error = left($2, 1000) where id = $1",
                    Tuple.of(failure.id(), failure.error())));
        }
        for (RelayPass.Failure failure : pass.dead) {
            updates = updates.chain(() -> execute(connection,
                    "update outbox_event set attempts = attempts + 1, failed_at = now(), last_error = left($2, 1000) where id = $1",
                    Tuple.of(failure.id(), failure.error())));
        }
        return updates;
    }

    private static Uni<Void> execute(SqlConnection connection, String sql, Tuple parameters) {
        return connection.preparedQuery(sql).execute(parameters).replaceWithVoid();
    }

    private void afterPass(RelayPass pass) {
        sentCounter.increment(pass.sent.size());
        retryCounter.increment(pass.retry.size());
        deadCounter.increment(pass.dead.size());
        if (pass.brokerFailed()) {
            consecutiveFailures++;
            Duration wait = backoff(consecutiveFailures, config.initialBackoff(), config.maxBackoff());
            pausedUntil = Instant.now().plus(wait);
            LOG.warnf("Kafka did not take %d outbox event(s) (%s); next attempt in %d ms",
                    pass.retry.size(), pass.retry.get(0).error(), wait.toMillis());
        } else {
            if (consecutiveFailures > 0) {
                LOG.infof("Kafka is taking outbox events again after %d failed attempt(s)", consecutiveFailures);
            }
            consecutiveFailures = 0;
            pausedUntil = Instant.MIN;
        }
    }

    /** Sends complete on Kafka's I/O thread; the SQL work that follows belongs on a Vert.x context. */
    private Executor onRelayContext() {
        Context current = context;
        if (current == null) {
            current = vertx.getDelegate().getOrCreateContext();
            context = current;
        }
        Context target = current;
        return command -> target.runOnContext(ignored -> command.run());
    }

    static boolean isPermanent(Throwable error) {
        return error instanceof RecordTooLargeException || error instanceof RecordBatchTooLargeException
                || error instanceof InvalidTopicException || error instanceof SerializationException;
    }

    /** Deletes sent events older than the retention. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeSent() {
        return pool.preparedQuery("delete from outbox_event where sent_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) config.retention().toSeconds()))
                .onFailure().invoke(error -> LOG.warnf("Outbox purge failed: %s", error.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Skips the scheduled pass on instances configured not to relay. */
    @ApplicationScoped
    @IfBuildProperty(name = "customk9.events.enabled", stringValue = "true", enableIfMissing = true)
    public static class RelayDisabled implements Scheduled.SkipPredicate {

        private final OutboxConfig config;

        public RelayDisabled(OutboxConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.relayEnabled();
        }
    }
}
