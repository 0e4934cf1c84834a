package com.customk9.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/** Starts real in-JVM Kafka brokers for tests, including ones on a port chosen before start (outage tests). */
public final class KafkaBrokers {

    private KafkaBrokers() {
    }

    public static EmbeddedKafkaBroker startOnFreePort() {
        return startOn(freePort());
    }

    /** Starts a broker listening on 127.0.0.1 at the given port. */
    public static EmbeddedKafkaBroker startOn(int port) {
        return new EmbeddedKafkaBroker()
                .withNodeId(0)
                .withKafkaHost("127.0.0.1")
                .withKafkaPort(port)
                .withControllerPort(freePort())
                .withDeleteLogDirsOnClose(true)
                .withAdditionalProperties(props -> {
                    props.put("auto.create.topics.enable", "true");
                    props.put("num.partitions", "3");
                    props.put("group.initial.rebalance.delay.ms", "0");
                    props.put("offsets.topic.replication.factor", "1");
                    props.put("transaction.state.log.replication.factor", "1");
                    props.put("transaction.state.log.min.isr", "1");
                })
                .start();
    }

    /** A TCP port nobody listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
