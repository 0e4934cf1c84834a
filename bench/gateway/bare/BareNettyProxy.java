import java.util.ArrayDeque;

import com.customk9.platform.request.RequestIds;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import io.netty.util.concurrent.FastThreadLocal;

/**
 * What a proxy written on Netty's HTTP codecs directly (no Vert.x) costs on this machine: the same forwarding
 * as {@link BareVertxProxy}, on the Netty jars the gateway ships, with upstream connections pooled per event
 * loop (a client connection and its upstream connection always share a thread). bench/gateway/bare-vertx runs
 * it beside nginx, the bare Vert.x proxy and the gateway, to tell what Vert.x's HTTP server and client cost
 * over Netty's own (it is why the gateway's upstream side is on Netty's codec: decision 30). Not part of any
 * service.
 * <p>
 * With "headers" as a fourth argument it also does the header work every gateway request carries (as
 * {@link BareVertxProxy} does, with its header names and values). Requests are relayed as they arrive, message by message (bodies streamed);
 * one request at a time per client connection, as HTTP/1.1 clients without pipelining send them.
 *
 * Arguments: listen port, upstream port, event loops [, headers].
 */
public class BareNettyProxy {

    private static final CharSequence X_REQUEST_ID = BareVertxProxy.X_REQUEST_ID;
    private static final CharSequence[] SECURITY_HEADERS = BareVertxProxy.SECURITY_HEADERS;
    private static final AsciiString X_FORWARDED_FOR = AsciiString.cached("X-Forwarded-For");
    private static final AsciiString X_FORWARDED_PROTO = AsciiString.cached("X-Forwarded-Proto");
    private static final AsciiString X_FORWARDED_HOST = AsciiString.cached("X-Forwarded-Host");
    private static final AsciiString HTTP = AsciiString.cached("http");

    private static int upstreamPort;
    private static boolean headers;
    private static Bootstrap upstreams;

    /** Idle upstream connections of the current event loop. */
    private static final FastThreadLocal<ArrayDeque<Channel>> IDLE = new FastThreadLocal<>() {
        @Override
        protected ArrayDeque<Channel> initialValue() {
            return new ArrayDeque<>();
        }
    };

    /** One client connection: relays each request to an upstream connection and its answer back. */
    static final class ClientHandler extends ChannelInboundHandlerAdapter {
        private Channel client;
        private Channel upstream;
        private String requestId;
        private boolean keepAlive;
        /** Parts of the request that arrived while its upstream connection was being opened. */
        private java.util.List<Object> pending;

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            client = ctx.channel();
            ctx.fireChannelActive();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest request) {
                keepAlive = io.netty.handler.codec.http.HttpUtil.isKeepAlive(request);
                HttpHeaders h = request.headers();
                h.remove(HttpHeaderNames.CONNECTION);
                if (headers) {
                    requestId = RequestIds.acceptOrCreate(h.get(X_REQUEST_ID));
                    h.set(X_REQUEST_ID, requestId)
                            .set(X_FORWARDED_FOR, ((java.net.InetSocketAddress) client.remoteAddress()).getAddress().getHostAddress())
                            .set(X_FORWARDED_PROTO, HTTP);
                    String host = h.get(HttpHeaderNames.HOST);
                    if (host != null) {
                        h.set(X_FORWARDED_HOST, host);
                    }
                }
                Channel idle = IDLE.get().pollFirst();
                if (idle != null && idle.isActive()) {
                    bind(idle);
                    idle.write(msg, idle.voidPromise());
                } else {
                    ChannelFuture connecting = upstreams.clone(ctx.channel().eventLoop()).connect("127.0.0.1", upstreamPort);
                    pending = new java.util.ArrayList<>(2);
                    pending.add(msg);
                    connecting.addListener(done -> {
                        java.util.List<Object> parts = pending;
                        pending = null;
                        if (done.isSuccess()) {
                            bind(connecting.channel());
                            for (Object part : parts) {
                                upstream.write(part, upstream.voidPromise());
                            }
                            upstream.flush();
                        } else {
                            parts.forEach(io.netty.util.ReferenceCountUtil::release);
                            badGateway();
                        }
                    });
                }
            } else if (pending != null) {
                pending.add(msg);
            } else if (upstream != null && upstream.isActive()) {
                upstream.write(msg, upstream.voidPromise());
            } else {
                io.netty.util.ReferenceCountUtil.release(msg);
            }
        }

        private void bind(Channel channel) {
            upstream = channel;
            channel.pipeline().get(UpstreamHandler.class).client = this;
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            if (upstream != null && upstream.isActive()) {
                upstream.flush();
            }
        }

        /** One message of the upstream's answer. */
        void relay(Object msg) {
            if (msg instanceof HttpResponse response && headers) {
                HttpHeaders h = response.headers();
                h.set(X_REQUEST_ID, requestId);
                for (int i = 0; i < SECURITY_HEADERS.length; i += 2) {
                    h.set(SECURITY_HEADERS[i], SECURITY_HEADERS[i + 1]);
                }
            }
            if (msg instanceof HttpResponse response && !keepAlive) {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            }
            if (msg instanceof LastHttpContent) {
                Channel used = upstream;
                upstream = null;
                used.pipeline().get(UpstreamHandler.class).client = null;
                IDLE.get().addLast(used);
                if (keepAlive) {
                    client.writeAndFlush(msg, client.voidPromise());
                } else {
                    client.writeAndFlush(msg).addListener(io.netty.channel.ChannelFutureListener.CLOSE);
                }
            } else {
                client.write(msg, client.voidPromise());
            }
        }

        void badGateway() {
            upstream = null;
            DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_GATEWAY);
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
            client.writeAndFlush(response);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (upstream != null) {
                upstream.close();
                upstream = null;
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    /** One pooled upstream connection, relaying to the client connection it currently serves. */
    static final class UpstreamHandler extends ChannelInboundHandlerAdapter {
        ClientHandler client;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (client != null) {
                client.relay(msg);
            } else {
                io.netty.util.ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            IDLE.get().remove(ctx.channel());
            if (client != null) {
                client.badGateway();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int listenPort = Integer.parseInt(args[0]);
        upstreamPort = Integer.parseInt(args[1]);
        headers = args.length > 3 && "headers".equals(args[3]);
        EpollEventLoopGroup loops = new EpollEventLoopGroup(Integer.parseInt(args[2]));
        upstreams = new Bootstrap().channel(EpollSocketChannel.class).option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpClientCodec(), new UpstreamHandler());
                    }
                });
        new ServerBootstrap().group(loops).channel(EpollServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpServerCodec(), new ClientHandler());
                    }
                })
                .bind("127.0.0.1", listenPort).sync().channel().closeFuture().sync();
    }
}
