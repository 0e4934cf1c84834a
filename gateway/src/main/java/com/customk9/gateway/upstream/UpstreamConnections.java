package com.customk9.gateway.upstream;

import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

import org.jboss.logging.Logger;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.SocketAddress;

/**
 * Keep-alive HTTP/1.1 connections to the upstreams, on Netty's HTTP codec and pooled per event loop: a
 * connection is opened from, and only ever serves, the event loop of the callers that use it, so a proxied
 * request and its upstream exchange never leave the caller's thread.
 * <p>
 * Why not Vert.x's HTTP client: side by side with the same Vert.x server in front (bench/gateway/bare-vertx
 * and the gateway README), relaying over Netty's codec directly cost about a third less user CPU per request
 * (about 21 µs against 33) than Vert.x's client with its pool, futures and stream wrappers, the largest
 * single part of the gateway's cost over nginx (decision 30).
 * <p>
 * At most {@code maxPerLoop} connections per upstream and event loop; callers beyond wait for one to be
 * released. A connection idle (nothing read) for {@code idleMillis} is closed, in the pool or during an
 * exchange (a stalled upstream body). Not thread-safe by design: every method runs on the event loop
 * it is given, or that the calling thread is.
 */
final class UpstreamConnections {

    private static final Logger LOG = Logger.getLogger(UpstreamConnections.class);

    /** What a connection's current exchange is told; one exchange at a time per connection. */
    interface Listener {
        /** A decoded message (response head or body part); the listener releases it. */
        void message(Object message);

        /** The connection can take more of the request body again. */
        void writable();

        /** The connection closed or failed while serving this listener. */
        void closed(Throwable cause);
    }

    /**
     * An upstream: host and port over TCP (with TLS or not), or a Unix socket; {@code authority} is the
     * {@code Host} header of requests to it (without a default port, as clients send it).
     */
    record Address(String host, int port, boolean ssl, String socketPath, String authority) {

        static Address tcp(String host, int port, boolean ssl) {
            return new Address(host, port, ssl, null, port == (ssl ? 443 : 80) ? host : host + ":" + port);
        }

        static Address unixSocket(String path) {
            return new Address("localhost", -1, false, path, "localhost");
        }
    }

    private static final AttributeKey<Address> ADDRESS = AttributeKey.valueOf("customk9.upstream");

    private final VertxInternal vertx;
    private final int maxPerLoop;
    private final long idleMillis;
    private final int connectTimeoutMillis;
    /** The certificates trusted for {@code https} upstreams; null: the JDK's trust store. */
    private final Path trustCertificates;
    /** Made when the first {@code https} upstream is connected (most deployments have none), or at start with a trust file. */
    private SslContext ssl;
    private final FastThreadLocal<Map<Address, Pool>> pools = new FastThreadLocal<>() {
        @Override
        protected Map<Address, Pool> initialValue() {
            return new HashMap<>();
        }
    };

    UpstreamConnections(Vertx vertx, int maxPerLoop, long idleMillis, int connectTimeoutMillis, Path trustCertificates) {
        this.vertx = (VertxInternal) vertx;
        this.maxPerLoop = maxPerLoop;
        this.idleMillis = idleMillis;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.trustCertificates = trustCertificates;
        if (trustCertificates != null) {
            // A trust file that cannot be read is a configuration error: better found at start than at the first call.
            ssl();
        }
    }

    /** The TLS client context for {@code https} upstreams. Event loops share it. */
    private synchronized SslContext ssl() {
        if (ssl == null) {
            try {
                SslContextBuilder builder = SslContextBuilder.forClient();
                if (trustCertificates != null) {
                    builder.trustManager(trustCertificates.toFile());
                }
                ssl = builder.build();
            } catch (SSLException | IllegalArgumentException e) {
                throw new IllegalStateException("No TLS for upstreams"
                        + (trustCertificates != null ? " trusting " + trustCertificates : "") + ": " + e.getMessage(), e);
            }
        }
        return ssl;
    }

    /**
     * A connection to the upstream, for the caller on {@code loop} (which must be the calling thread): an
     * idle one, a new one, or the next one released when the loop already has its most. The future
     * completes on the loop; cancelling it gives up waiting.
     */
    Future<Channel> acquire(EventLoop loop, Address address) {
        return pools.get().computeIfAbsent(address, key -> new Pool(loop, key)).acquire();
    }

    /** Binds a connection to an exchange: its messages go to the listener until {@link #release}. */
    static void bind(Channel channel, Listener listener) {
        channel.pipeline().get(Relay.class).listener = listener;
    }

    /**
     * Gives a connection back once its exchange is over: to the pool when it can serve another (the whole
     * request was sent, the whole response read, keep-alive), otherwise it is closed.
     */
    void release(Channel channel, boolean reusable) {
        channel.pipeline().get(Relay.class).listener = null;
        Pool pool = reusable && channel.isActive() ? pools.get().get(channel.attr(ADDRESS).get()) : null;
        if (pool == null) {
            channel.close();
            return;
        }
        // A relay that paused the upstream for a slow caller may have ended before the caller drained.
        channel.config().setAutoRead(true);
        pool.idle(channel);
    }

    /** The connections of one event loop to one upstream. */
    private final class Pool {

        private final EventLoop loop;
        private final Address address;
        private final Bootstrap bootstrap;
        private final ArrayDeque<Channel> idle = new ArrayDeque<>();
        private final ArrayDeque<Promise<Channel>> waiting = new ArrayDeque<>();
        private int open;

        Pool(EventLoop loop, Address address) {
            this.loop = loop;
            this.address = address;
            boolean unix = address.socketPath() != null;
            this.bootstrap = new Bootstrap()
                    .group(loop)
                    .channelFactory(vertx.transport().channelFactory(unix))
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                    .attr(ADDRESS, address)
                    .handler(new ChannelInitializer<>() {
                        @Override
                        protected void initChannel(Channel channel) {
                            ChannelPipeline pipeline = channel.pipeline();
                            if (address.ssl()) {
                                SSLEngine engine = ssl().newEngine(channel.alloc(), address.host(), address.port());
                                SSLParameters parameters = engine.getSSLParameters();
                                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                                engine.setSSLParameters(parameters);
                                pipeline.addLast(new SslHandler(engine));
                            }
                            pipeline.addLast(new HttpClientCodec(), new IdleStateHandler(idleMillis, 0, 0, TimeUnit.MILLISECONDS),
                                    new Relay());
                        }
                    });
            if (unix) {
                bootstrap.remoteAddress(vertx.transport().convert(SocketAddress.domainSocketAddress(address.socketPath())));
            } else {
                bootstrap.option(ChannelOption.TCP_NODELAY, true)
                        .resolver(vertx.nettyAddressResolverGroup())
                        .remoteAddress(InetSocketAddress.createUnresolved(address.host(), address.port()));
            }
        }

        Future<Channel> acquire() {
            Promise<Channel> promise = loop.newPromise();
            Channel channel;
            while ((channel = idle.pollFirst()) != null) {
                if (channel.isActive()) {
                    return promise.setSuccess(channel);
                }
            }
            if (open < maxPerLoop) {
                connect(promise);
            } else {
                waiting.addLast(promise);
            }
            return promise;
        }

        /** Last in, first out: the connections most recently used stay warm, the rest time out. */
        void idle(Channel channel) {
            Promise<Channel> waiter;
            while ((waiter = waiting.pollFirst()) != null) {
                if (waiter.trySuccess(channel)) {
                    return;
                }
            }
            idle.addFirst(channel);
        }

        private void connect(Promise<Channel> promise) {
            open++;
            bootstrap.connect().addListener((ChannelFutureListener) connected -> {
                Channel channel = connected.channel();
                if (!connected.isSuccess()) {
                    closed(channel);
                    promise.tryFailure(connected.cause());
                    return;
                }
                channel.closeFuture().addListener(ignored -> closed(channel));
                if (!promise.trySuccess(channel)) {
                    // Given up meanwhile: the next waiter's, or the pool's.
                    idle(channel);
                }
            });
        }

        private void closed(Channel channel) {
            open--;
            idle.remove(channel);
            // Room for one more connection: the longest waiting caller gets it.
            Promise<Channel> waiter;
            while ((waiter = waiting.pollFirst()) != null) {
                if (!waiter.isDone()) {
                    connect(waiter);
                    return;
                }
            }
        }
    }

    /** The last handler of every upstream connection: hands what it reads to the bound exchange. */
    private static final class Relay extends ChannelInboundHandlerAdapter {

        private Listener listener;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            if (listener != null) {
                listener.message(message);
            } else {
                // An idle connection has nothing to say: whatever it sends is not part of any exchange.
                ReferenceCountUtil.release(message);
                ctx.close();
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            if (listener != null && ctx.channel().isWritable()) {
                listener.writable();
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof IdleStateEvent) {
                LOG.debugf("Closing the upstream connection %s: idle", ctx.channel());
                if (listener != null) {
                    Listener bound = listener;
                    listener = null;
                    bound.closed(new TimeoutException("The upstream connection was idle too long"));
                }
                ctx.close();
            } else {
                ctx.fireUserEventTriggered(event);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (listener != null) {
                Listener bound = listener;
                listener = null;
                bound.closed(new ClosedChannelException());
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (listener != null) {
                Listener bound = listener;
                listener = null;
                bound.closed(cause);
            } else {
                LOG.debugf("Upstream connection %s: %s", ctx.channel(), cause.toString());
            }
            ctx.close();
        }
    }
}
