package com.customk9.platform.outbox;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the outbox relay polls, batches and backs off. */
@ConfigMapping(prefix = "customk9.outbox")
public interface OutboxConfig {

    /** Whether this instance relays pending events to Kafka (writing to the outbox always works). */
    @WithDefault("true")
    boolean relayEnabled();

    /**
     * How often the relay looks for pending events, in the scheduler's notation ({@code 1s}, {@code 5s});
     * Quarkus' scheduler runs nothing more often than once a second.
     */
    @WithDefault("1s")
    String pollInterval();

    /** How long after start-up the relay first looks. */
    @WithDefault("0s")
    String startDelay();

    /** How many pending events one relay pass takes, oldest first. */
    @WithDefault("200")
    int batchSize();

    /** First pause after the broker refused or did not answer; doubles on each further failure. */
    @WithDefault("500ms")
    Duration initialBackoff();

    /** The longest pause between attempts while the broker is down. */
    @WithDefault("30s")
    Duration maxBackoff();

    /** How long one send may take, broker acknowledgement included, before it counts as failed. */
    @WithDefault("10s")
    Duration sendTimeout();

    /**
     * The brokers the relay sends to, when they differ from the service's {@code kafka.bootstrap.servers}
     * (for example a dedicated cluster for domain events).
     */
    Optional<String> bootstrapServers();

    /** How long sent events are kept (for audit and replay) before they are deleted. */
    @WithDefault("7d")
    Duration retention();
}
