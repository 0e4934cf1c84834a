package com.customk9.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;

import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;

import com.customk9.platform.testing.KafkaBrokers;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * The suite under test: a Kafka broker in this JVM, then the packaged odoo-emulator, auth-service,
 * training-service and gateway as four processes on free ports of 127.0.0.1 (production profile,
 * configured by system properties), on the local PostgreSQL (test databases, schemas of their own) and
 * Redis (database {@value #REDIS_DATABASE}, emptied first). Only the gateway is talked to by the
 * journeys; the emulator also through its admin API, as a test controls Odoo.
 */
public final class Suite {

    public static final int REDIS_DATABASE = 10;
    /** attendance-service's schema in customk9_attendance_test. */
    public static final String ATTENDANCE_SCHEMA = "attendance_e2e";
    /** Shared by the emulator's webhook target and the gateway (a per-suite value, never a real secret). */
    public static final String WEBHOOK_SECRET = "customk9-e2e-webhook-secret";
    public static final String EMULATOR_ADMIN_TOKEN = "customk9-emulator-local-admin";
    /**
     * Every journey calls from 127.0.0.1, so all anonymous calls (login, refresh, register...) share
     * one per-address bucket: more than the production default of 20 a minute. Raised, not switched off.
     */
    public static final int ANONYMOUS_LIMIT = 300;
    public static final String WEBHOOK_TOPIC = "odoo.webhooks";
    public static final String AUTH_EVENTS_TOPIC = "customk9.auth.events";
    public static final String TRAINING_EVENTS_TOPIC = "customk9.training.events";
    public static final String ATTENDANCE_EVENTS_TOPIC = "customk9.attendance.events";

    /** The services built on libs/platform log JSON in production; readable lines here (the emulator logs plain text). */
    private static final String PLAIN_TEXT_LOGS = "quarkus.log.console.json.enabled=false";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** The in-JVM broker and Kafka's clients log every step at INFO (through slf4j to JBoss LogManager). */
    private static final List<Logger> QUIET = List.of("org.apache.kafka", "kafka", "state.change.logger").stream()
            .map(name -> LogContext.getLogContext().getLogger(name)).toList();

    private final EmbeddedKafkaBroker broker;
    private final Kafka kafka;
    private final SigningKey signingKey;
    private final ServiceProcess emulator;
    private final ServiceProcess authService;
    private final ServiceProcess trainingService;
    private final ServiceProcess attendanceService;
    private final ServiceProcess gateway;
    private final Thread shutdownHook;

    private Suite(EmbeddedKafkaBroker broker, Kafka kafka, SigningKey signingKey, ServiceProcess emulator,
            ServiceProcess authService, ServiceProcess trainingService, ServiceProcess attendanceService, ServiceProcess gateway,
            Thread shutdownHook) {
        this.broker = broker;
        this.kafka = kafka;
        this.signingKey = signingKey;
        this.emulator = emulator;
        this.authService = authService;
        this.trainingService = trainingService;
        this.attendanceService = attendanceService;
        this.gateway = gateway;
        this.shutdownHook = shutdownHook;
    }

    public static Suite start() {
        Path root = Path.of(System.getProperty("customk9.project-root", "..")).toAbsolutePath().normalize();
        QUIET.forEach(logger -> logger.setLevel(Level.WARNING));
        Redis.flushDatabase(REDIS_DATABASE);

        EmbeddedKafkaBroker broker = KafkaBrokers.startOnFreePort();
        List<ServiceProcess> started = new CopyOnWriteArrayList<>();
        // Whatever happens to this JVM, the services do not outlive it.
        Thread shutdownHook = new Thread(() -> started.forEach(ServiceProcess::stop), "e2e-suite-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            Kafka kafka = new Kafka(broker.getAdvertisedListeners());
            kafka.createTopics(WEBHOOK_TOPIC, AUTH_EVENTS_TOPIC, TRAINING_EVENTS_TOPIC, ATTENDANCE_EVENTS_TOPIC);
            SigningKey key = SigningKey.generate(Path.of("target", "e2e-keys"), "e2e-" + System.currentTimeMillis());

            int emulatorPort = KafkaBrokers.freePort();
            int authPort = KafkaBrokers.freePort();
            int trainingPort = KafkaBrokers.freePort();
            int attendancePort = KafkaBrokers.freePort();
            int gatewayPort = KafkaBrokers.freePort();
            String redis = "redis://127.0.0.1:6379/" + REDIS_DATABASE;
            String authUrl = "http://127.0.0.1:" + authPort;
            String trainingUrl = "http://127.0.0.1:" + trainingPort;

            ServiceProcess emulator = ServiceProcess.start("odoo-emulator", jar(root, "odoo-emulator"), emulatorPort, List.of(
                    "quarkus.datasource.odoo.jdbc.url=jdbc:postgresql://127.0.0.1:5432/customk9_odoo_test",
                    "customk9.emulator.schema=odoo_emulator_e2e",
                    "customk9.emulator.admin-token=" + EMULATOR_ADMIN_TOKEN));
            started.add(emulator);
            ServiceProcess auth = ServiceProcess.start("auth-service", jar(root, "auth-service"), authPort, List.of(
                    PLAIN_TEXT_LOGS,
                    // customk9_auth_test, but a schema of its own (auth-service's @QuarkusTests clean "public").
                    "quarkus.datasource.password=customk9_auth",
                    "quarkus.datasource.reactive.url=postgresql://127.0.0.1:5432/customk9_auth_test?search_path=auth_e2e",
                    "quarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/customk9_auth_test?currentSchema=auth_e2e",
                    "quarkus.flyway.schemas=auth_e2e",
                    "quarkus.flyway.default-schema=auth_e2e",
                    "quarkus.flyway.clean-disabled=false",
                    "quarkus.flyway.clean-at-start=true",
                    "quarkus.redis.hosts=" + redis,
                    "kafka.bootstrap.servers=" + kafka.bootstrapServers(),
                    "odoo.url=http://127.0.0.1:" + emulatorPort,
                    "odoo.integration.api-key=ck9-local-integration-key",
                    "customk9.auth.jwt.key-directory=" + key.directory(),
                    "customk9.auth.jwt.signing-key-id=" + key.keyId()));
            started.add(auth);
            ServiceProcess training = ServiceProcess.start("training-service", jar(root, "training-service"), trainingPort, List.of(
                    PLAIN_TEXT_LOGS,
                    // customk9_training_test, in a schema of its own (training-service's @QuarkusTests clean "public").
                    "quarkus.datasource.password=customk9_training",
                    "quarkus.datasource.reactive.url=postgresql://127.0.0.1:5432/customk9_training_test?search_path=training_e2e",
                    "quarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/customk9_training_test?currentSchema=training_e2e",
                    "quarkus.flyway.schemas=training_e2e",
                    "quarkus.flyway.default-schema=training_e2e",
                    "quarkus.flyway.clean-disabled=false",
                    "quarkus.flyway.clean-at-start=true",
                    "quarkus.redis.hosts=" + redis,
                    "kafka.bootstrap.servers=" + kafka.bootstrapServers(),
                    "odoo.url=http://127.0.0.1:" + emulatorPort,
                    "odoo.integration.api-key=ck9-local-integration-key",
                    "mp.jwt.verify.publickey.location=" + authUrl + "/.well-known/jwks.json",
                    "mp.jwt.verify.issuer=customk9-auth",
                    "mp.jwt.verify.audiences=customk9"));
            started.add(training);
            ServiceProcess attendance = ServiceProcess.start("attendance-service", jar(root, "attendance-service"), attendancePort,
                    List.of(PLAIN_TEXT_LOGS,
                    // customk9_attendance_test, in a schema of its own (attendance-service's @QuarkusTests clean "public").
                    "quarkus.datasource.password=customk9_attendance",
                    "quarkus.datasource.reactive.url=postgresql://127.0.0.1:5432/customk9_attendance_test?search_path=" + ATTENDANCE_SCHEMA,
                    "quarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/customk9_attendance_test?currentSchema=" + ATTENDANCE_SCHEMA,
                    "quarkus.flyway.schemas=" + ATTENDANCE_SCHEMA,
                    "quarkus.flyway.default-schema=" + ATTENDANCE_SCHEMA,
                    "quarkus.flyway.clean-disabled=false",
                    "quarkus.flyway.clean-at-start=true",
                    "kafka.bootstrap.servers=" + kafka.bootstrapServers(),
                    "customk9.attendance.face.models-dir=" + faceAssets().resolve("models")));
            started.add(attendance);
            ServiceProcess gateway = ServiceProcess.start("gateway", jar(root, "gateway"), gatewayPort, List.of(
                    PLAIN_TEXT_LOGS,
                    "customk9.gateway.routes.auth-public.upstream=" + authUrl,
                    "customk9.gateway.routes.auth.upstream=" + authUrl,
                    "customk9.gateway.routes.training.upstream=" + trainingUrl,
                    "customk9.gateway.routes.files.upstream=" + trainingUrl,
                    "customk9.gateway.routes.attendance.upstream=http://127.0.0.1:" + attendancePort,
                    "customk9.gateway.jwt.jwks-url=" + authUrl + "/.well-known/jwks.json",
                    "quarkus.redis.hosts=" + redis,
                    "kafka.bootstrap.servers=" + kafka.bootstrapServers(),
                    "customk9.gateway.webhook.secret=" + WEBHOOK_SECRET,
                    "customk9.gateway.rate-limit.anonymous=" + ANONYMOUS_LIMIT));
            started.add(gateway);

            long since = System.nanoTime();
            emulator.awaitReady("/api/v2/test", START_TIMEOUT);
            // A fresh Odoo for every run: the demo data as seeded, no runtime webhooks, no faults.
            post(emulator.url() + "/emulator/reset", Map.of("X-Emulator-Admin-Token", EMULATOR_ADMIN_TOKEN), "");
            auth.awaitReady("/q/health/ready", START_TIMEOUT);
            training.awaitReady("/q/health/ready", START_TIMEOUT);
            attendance.awaitReady("/q/health/ready", START_TIMEOUT);
            gateway.awaitReady("/q/health/ready", START_TIMEOUT);
            // As a deployment warms a new pod before it takes traffic: one sign-in straight to auth-service
            // (a demo client no journey uses) opens its pools and compiles the hot path, so that a cold JVM
            // on a loaded machine does not meet the gateway's 5 s route timeout in the first journey...
            String warmUp = post(auth.url() + "/api/auth/login", Map.of("Content-Type", "application/json"),
                    "{\"email\": \"david.client@customk9.example\", \"password\": \"client\"}");
            // ...and with that client's token, straight to training-service: its first call fetches the JWKS,
            // signs in to Odoo and opens the Redis pool, all of it before the first journey's 10 s route timeout.
            get(training.url() + "/api/dogs", Map.of("Authorization", "Bearer " + accessToken(warmUp)));
            System.out.printf("e2e: suite ready in %d s (emulator %s, auth-service %s, training-service %s, gateway %s)%n",
                    Duration.ofNanos(System.nanoTime() - since).toSeconds(), emulator.url(), auth.url(), training.url(),
                    gateway.url());
            return new Suite(broker, kafka, key, emulator, auth, training, attendance, gateway, shutdownHook);
        } catch (RuntimeException | Error e) {
            started.forEach(ServiceProcess::stop);
            broker.close();
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
            throw e;
        }
    }

    /** Stops the gateway, training-service, auth-service and the emulator (whichever still run), then the broker. */
    public void stop() {
        gateway.stop();
        trainingService.stop();
        attendanceService.stop();
        authService.stop();
        emulator.stop();
        broker.close();
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
    }

    public String gatewayUrl() {
        return gateway.url();
    }

    public String emulatorUrl() {
        return emulator.url();
    }

    /** Where deploy/local/face-assets put the face models and labelled photos. */
    public static Path faceAssets() {
        return Path.of(System.getProperty("customk9.attendance.face.assets",
                System.getProperty("user.home") + "/.cache/customk9/face-assets-1"));
    }

    public ServiceProcess attendanceService() {
        return attendanceService;
    }

    public ServiceProcess authService() {
        return authService;
    }

    public ServiceProcess trainingService() {
        return trainingService;
    }

    public ServiceProcess gateway() {
        return gateway;
    }

    public Kafka kafka() {
        return kafka;
    }

    public SigningKey signingKey() {
        return signingKey;
    }

    private static String accessToken(String loginAnswer) {
        try {
            String access = new ObjectMapper().readTree(loginAnswer).path("access").asText();
            if (access.isEmpty()) {
                throw new IllegalStateException("No access token in the warm-up sign-in's answer: " + loginAnswer);
            }
            return access;
        } catch (IOException e) {
            throw new UncheckedIOException("The warm-up sign-in's answer is not JSON: " + loginAnswer, e);
        }
    }

    private static Path jar(Path root, String module) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** A POST during set-up that must succeed (2xx), with a generous timeout; its body. */
    private static String post(String url, Map<String, String> headers, String body) {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    /** A GET during set-up that must succeed (2xx), with a generous timeout; its body. */
    private static String get(String url, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), headers);
    }

    private static String send(HttpRequest.Builder request, Map<String, String> headers) {
        request.timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        HttpRequest built = request.build();
        try {
            HttpResponse<String> answer = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException(built.method() + " " + built.uri() + " answered " + answer.statusCode()
                        + ": " + answer.body());
            }
            return answer.body();
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
