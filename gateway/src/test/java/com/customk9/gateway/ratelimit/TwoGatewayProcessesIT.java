package com.customk9.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.customk9.gateway.support.TestUpstreams;
import com.customk9.gateway.support.Tokens;
import com.customk9.platform.testing.KafkaBrokers;

/**
 * Two gateway processes started from the packaged jar (as two replicas are), on one Redis
 * (database 13, emptied first), in front of the same test upstream. 200 concurrent clients, half on
 * each process: exactly the limit is admitted per window, whichever process a request hits.
 */
class TwoGatewayProcessesIT {

    private static final List<Process> GATEWAYS = new ArrayList<>();
    private static final List<Integer> PORTS = new ArrayList<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(16)).build();

    @BeforeAll
    static void startTwoGateways() throws Exception {
        flushTestDatabase();
        TestUpstreams upstreams = TestUpstreams.get();
        for (int i = 0; i < 2; i++) {
            int port = KafkaBrokers.freePort();
            List<String> command = List.of(
                    System.getProperty("java.home") + "/bin/java", "-Xmx256m", "-XX:+UseSerialGC",
                    "-Dquarkus.http.port=" + port,
                    "-Dquarkus.log.console.json.enabled=false",
                    "-Dquarkus.redis.hosts=redis://127.0.0.1:6379/13",
                    // What is tested is exactness while Redis is healthy; on a loaded CI machine a
                    // cold replica's first Redis answers can exceed the 1 s default, which would
                    // (by design) hand the decision to its local limiter.
                    "-Dcustomk9.gateway.rate-limit.redis-timeout=5s",
                    "-Dkafka.bootstrap.servers=127.0.0.1:" + upstreams.closedPort(),
                    "-Dcustomk9.gateway.routes.training.upstream=http://127.0.0.1:" + upstreams.echoPort(),
                    "-Dcustomk9.gateway.routes.blog-read.upstream=http://127.0.0.1:" + upstreams.echoPort(),
                    "-Dcustomk9.gateway.routes.attendance.upstream=http://127.0.0.1:" + upstreams.echoPort(),
                    // The attendance route's 300 per window: leased ahead of demand here (not by default).
                    "-Dcustomk9.gateway.rate-limit.lease-min-limit=200",
                    "-Dcustomk9.gateway.jwt.jwks-url=http://127.0.0.1:" + upstreams.jwksPort() + "/.well-known/jwks.json",
                    "-jar", "target/quarkus-app/quarkus-run.jar");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(new File("target/it-gateway-" + i + ".log"))
                    .start();
            GATEWAYS.add(process);
            PORTS.add(port);
        }
        for (int port : PORTS) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() ->
                    HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        }
        // Warm replicas, as in production: open their Redis connections and compile the hot path
        // with another user's requests, so the burst below measures the limiter, not start-up.
        String warmUpToken = Tokens.forUser("warm-up-" + UUID.randomUUID(), "client");
        for (int port : PORTS) {
            for (int i = 0; i < 20; i++) {
                HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/dogs"))
                        .header("Authorization", "Bearer " + warmUpToken).build(), HttpResponse.BodyHandlers.discarding());
            }
        }
    }

    @AfterAll
    static void stopGateways() throws InterruptedException {
        for (Process process : GATEWAYS) {
            process.destroy();
        }
        for (Process process : GATEWAYS) {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void oneUsersLimitHoldsExactlyAcrossTwoProcesses() throws Exception {
        String token = Tokens.forUser("u-" + UUID.randomUUID(), "client");
        Map<Integer, AtomicInteger> admittedPerProcess = fire(200, "/api/dogs", "Bearer " + token);
        assertThat(total(admittedPerProcess)).isEqualTo(100);
    }

    @Test
    void anonymousLimitHoldsExactlyAcrossTwoProcesses() throws Exception {
        // Every client here is 127.0.0.1 to the gateways (forwarded headers are not trusted in production).
        Map<Integer, AtomicInteger> admittedPerProcess = fire(200, "/api/blog/posts", null);
        assertThat(total(admittedPerProcess)).isEqualTo(20);
    }

    /**
     * A bucket leased ahead of demand (300 per window, above lease-min-limit here): the permits each
     * process takes in advance never add up to more than the limit, and with more requests than the
     * limit on each side, none are left unspent.
     */
    @Test
    void aLeasedBucketHoldsExactlyAcrossTwoProcesses() throws Exception {
        Map<Integer, AtomicInteger> admittedPerProcess = fire(600, "/api/v1/persons", null, "sk_" + UUID.randomUUID());
        assertThat(total(admittedPerProcess)).isEqualTo(300);
    }

    /** Sends n requests at once, alternating between the two processes; counts the 200s per process. */
    private static Map<Integer, AtomicInteger> fire(int n, String path, String authorization) throws Exception {
        return fire(n, path, authorization, null);
    }

    private static Map<Integer, AtomicInteger> fire(int n, String path, String authorization, String apiKey) throws Exception {
        Map<Integer, AtomicInteger> admitted = new ConcurrentHashMap<>();
        PORTS.forEach(port -> admitted.put(port, new AtomicInteger()));
        ExecutorService clients = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int port = PORTS.get(i % 2);
                statuses.add(clients.submit(() -> {
                    start.await();
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(30));
                    if (authorization != null) {
                        request.header("Authorization", authorization);
                    }
                    if (apiKey != null) {
                        request.header("X-API-Key", apiKey);
                    }
                    int status = HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status == 200) {
                        admitted.get(port).incrementAndGet();
                    }
                    return status;
                }));
            }
            start.countDown();
            for (Future<Integer> status : statuses) {
                assertThat(status.get(60, TimeUnit.SECONDS)).isIn(200, 429);
            }
            return admitted;
        } finally {
            clients.shutdownNow();
        }
    }

    private static int total(Map<Integer, AtomicInteger> admitted) {
        return admitted.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private static void flushTestDatabase() throws IOException, InterruptedException {
        Process flush = new ProcessBuilder("redis-cli", "-h", "127.0.0.1", "-p", "6379", "-n", "13", "FLUSHDB")
                .redirectErrorStream(true).start();
        assertThat(flush.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(flush.getInputStream().readAllBytes()).trim()).isEqualTo("OK");
    }
}
