package com.customk9.gateway.route;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.netty.util.concurrent.EventExecutor;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;

/**
 * The gateway's public HTTP server, on {@code quarkus.http.host}:{@code quarkus.http.port} (the test port
 * in tests): a plain Vert.x server, one per event loop, whose every request goes to {@link GatewayRouter}.
 * <p>
 * Proxied traffic is nearly all the gateway does, and Quarkus' HTTP layer (Vert.x Web's routing context,
 * the request wrappers, the filter chain) cost more CPU per proxied request than the proxying itself
 * (bench/gateway/bare-vertx). So Quarkus' own server listens only on a Unix socket
 * ({@code quarkus.http.domain-socket}), serving what the gateway answers itself (the webhook, health,
 * metrics, the 404 envelope, CORS preflights), and this server hands those requests on to it.
 */
@Singleton
public class GatewayServer {

    private static final Logger LOG = Logger.getLogger(GatewayServer.class);

    private final Vertx vertx;
    private final GatewayRouter router;
    private final HttpServerOptions options;
    private String deployment;

    public GatewayServer(Vertx vertx, GatewayRouter router,
            @ConfigProperty(name = "quarkus.http.host") String host,
            @ConfigProperty(name = "quarkus.http.port") int port,
            @ConfigProperty(name = "quarkus.http.test-port") int testPort,
            @ConfigProperty(name = "quarkus.http.idle-timeout", defaultValue = "30M") Duration idleTimeout,
            @ConfigProperty(name = "quarkus.http.limits.max-header-size", defaultValue = "20K") MemorySize maxHeaderSize,
            @ConfigProperty(name = "quarkus.http.limits.max-initial-line-length", defaultValue = "4096") int maxInitialLineLength) {
        this.vertx = vertx;
        this.router = router;
        this.options = new HttpServerOptions()
                .setHost(host)
                .setPort(LaunchMode.current() == LaunchMode.TEST ? testPort : port)
                .setTcpNoDelay(true)
                .setIdleTimeout((int) idleTimeout.toMillis())
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setMaxHeaderSize((int) maxHeaderSize.asLongValue())
                .setMaxInitialLineLength(maxInitialLineLength);
    }

    void start(@Observes StartupEvent event) throws Exception {
        int eventLoops = 0;
        for (EventExecutor ignored : vertx.nettyEventLoopGroup()) {
            eventLoops++;
        }
        // One server per event loop: Vert.x spreads the connections of one port over them.
        deployment = vertx.deployVerticle(Listener::new, new DeploymentOptions().setInstances(Math.max(1, eventLoops)))
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        LOG.infof("Gateway listening on http://%s:%d", options.getHost(), options.getPort());
    }

    void stop(@Observes ShutdownEvent event) {
        if (deployment != null) {
            try {
                vertx.undeploy(deployment).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debugf("Closing the gateway's server: %s", e.toString());
            }
        }
    }

    private final class Listener extends AbstractVerticle {

        @Override
        public void start(Promise<Void> started) {
            vertx.createHttpServer(options)
                    .requestHandler(router::handle)
                    .invalidRequestHandler(router::invalid)
                    .listen()
                    .<Void> mapEmpty()
                    .onComplete(started);
        }
    }
}
