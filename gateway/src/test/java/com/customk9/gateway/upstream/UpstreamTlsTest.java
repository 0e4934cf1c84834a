package com.customk9.gateway.upstream;

import static com.customk9.gateway.support.Clients.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;

/**
 * {@code https} upstreams: the gateway trusts the certificates of {@code trust-certificates} (here the test
 * upstream's own, self-signed, for {@code localhost}) and checks the upstream's name against them. Three
 * public routes of this profile's own: one to the trusted upstream by its name, one to the same upstream
 * by its address (not a name its certificate carries), one to an upstream whose certificate nobody trusts.
 */
@QuarkusTest
@TestProfile(UpstreamTlsTest.TlsUpstreams.class)
class UpstreamTlsTest {

    /** Two HTTPS servers on 127.0.0.1, answering what reached them: one with the trusted certificate, one with a stranger's. */
    static final class Servers {

        static final Servers INSTANCE = new Servers();

        final int trusted;
        final int stranger;

        private Servers() {
            Vertx vertx = Vertx.vertx();
            trusted = listen(vertx, "upstream");
            stranger = listen(vertx, "stranger");
        }

        private static int listen(Vertx vertx, String name) {
            HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setSsl(true)
                    .setKeyCertOptions(new PemKeyCertOptions().setCertPath(resource(name + ".crt")).setKeyPath(resource(name + ".key")));
            try {
                HttpServer server = vertx.createHttpServer(options)
                        .requestHandler(request -> request.response().putHeader("Content-Type", "application/json")
                                .end(new JsonObject().put("server", name).put("tls", request.isSSL()).put("path", request.path())
                                        .put("host", request.getHeader("Host")).encode()))
                        .listen(0).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
                return server.actualPort();
            } catch (Exception e) {
                throw new IllegalStateException("The TLS test upstream did not start", e);
            }
        }
    }

    static String resource(String name) {
        try {
            return Path.of(Objects.requireNonNull(UpstreamTlsTest.class.getResource("/tls/" + name), name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static class TlsUpstreams implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Servers servers = Servers.INSTANCE;
            return Map.ofEntries(
                    Map.entry("customk9.gateway.upstreams.trust-certificates", resource("upstream.crt")),
                    Map.entry("customk9.gateway.routes.tls-by-name.prefix", "/api/tls-by-name"),
                    Map.entry("customk9.gateway.routes.tls-by-name.public", "true"),
                    Map.entry("customk9.gateway.routes.tls-by-name.upstream", "https://localhost:" + servers.trusted),
                    Map.entry("customk9.gateway.routes.tls-by-address.prefix", "/api/tls-by-address"),
                    Map.entry("customk9.gateway.routes.tls-by-address.public", "true"),
                    Map.entry("customk9.gateway.routes.tls-by-address.upstream", "https://127.0.0.1:" + servers.trusted),
                    Map.entry("customk9.gateway.routes.tls-stranger.prefix", "/api/tls-stranger"),
                    Map.entry("customk9.gateway.routes.tls-stranger.public", "true"),
                    Map.entry("customk9.gateway.routes.tls-stranger.upstream", "https://localhost:" + servers.stranger));
        }
    }

    @Inject
    Vertx vertx;

    @Test
    void proxiesToATrustedUpstreamOverTls() {
        String body = anonymous().when().get("/api/tls-by-name/dogs?x=1")
                .then().statusCode(200).header("X-Frame-Options", "DENY").extract().asString();
        JsonObject echoed = new JsonObject(body);

        assertThat(echoed.getString("server")).isEqualTo("upstream");
        assertThat(echoed.getBoolean("tls")).isTrue();
        assertThat(echoed.getString("path")).isEqualTo("/api/tls-by-name/dogs");
        assertThat(echoed.getString("host")).isEqualTo("localhost:" + Servers.INSTANCE.trusted);
        // The connection is kept and serves the next request too.
        anonymous().when().get("/api/tls-by-name/cats").then().statusCode(200).body("path", equalTo("/api/tls-by-name/cats"));
    }

    @Test
    void anUpstreamWhoseCertificateDoesNotNameItIs502() {
        anonymous().when().get("/api/tls-by-address/dogs")
                .then().statusCode(502).body("error.code", equalTo("BAD_GATEWAY"));
    }

    @Test
    void anUpstreamWithAnUntrustedCertificateIs502() {
        anonymous().when().get("/api/tls-stranger/dogs")
                .then().statusCode(502).body("error.code", equalTo("BAD_GATEWAY"));
    }

    @Test
    void aTrustFileWithoutCertificatesStopsTheStart() {
        assertThatThrownBy(() -> new UpstreamConnections(vertx, 1, 1000, 1000, Path.of(resource("README.md"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("README.md");
        assertThatThrownBy(() -> new UpstreamConnections(vertx, 1, 1000, 1000, Path.of(resource("README.md") + ".missing")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("README.md.missing");
    }
}
