import com.customk9.platform.request.RequestIds;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * The floor under the gateway's cost: a reverse proxy in plain Vert.x, on the same Vert.x and Netty jars
 * as the gateway (and libs/platform's request ids), doing nothing but forwarding (no routing table, no checks, no headers of its own, whole
 * bodies). bench/gateway/bare-vertx runs it beside nginx. Not part of any service.
 * <p>
 * With "headers" as a fourth argument it also does the header work every gateway request carries, as the
 * nginx row "also adding the gateway's headers" of bench/gateway/run does: an {@code X-Request-Id} up and
 * down, {@code X-Forwarded-For/Proto/Host} up, the five security headers down (the gateway's defaults).
 *
 * Arguments: listen port, upstream port, event loops [, headers].
 */
public class BareVertxProxy extends AbstractVerticle {

    /** Shared with {@link BareNettyProxy}: the same header work in both. */
    static final CharSequence X_REQUEST_ID = HttpHeaders.createOptimized("X-Request-Id");
    static final CharSequence[] SECURITY_HEADERS = {
        HttpHeaders.createOptimized("Content-Security-Policy"),
        HttpHeaders.createOptimized("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"),
        HttpHeaders.createOptimized("X-Frame-Options"), HttpHeaders.createOptimized("DENY"),
        HttpHeaders.createOptimized("X-Content-Type-Options"), HttpHeaders.createOptimized("nosniff"),
        HttpHeaders.createOptimized("Strict-Transport-Security"), HttpHeaders.createOptimized("max-age=31536000; includeSubDomains"),
        HttpHeaders.createOptimized("Referrer-Policy"), HttpHeaders.createOptimized("no-referrer") };

    private static int listenPort;
    private static int upstreamPort;
    private static boolean headers;

    @Override
    public void start() {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
                new PoolOptions().setHttp1MaxSize(64));
        vertx.createHttpServer(new HttpServerOptions().setTcpNoDelay(true)).requestHandler(request -> {
            // The caller's id when acceptable, else a new one: the gateway's own RequestIds.
            String requestId = headers ? RequestIds.acceptOrCreate(request.getHeader(X_REQUEST_ID)) : null;
            if (headers) {
                String host = request.getHeader(HttpHeaders.HOST);
                request.headers().set(X_REQUEST_ID, requestId)
                        .set("X-Forwarded-For", request.remoteAddress().hostAddress())
                        .set("X-Forwarded-Proto", "http");
                if (host != null) {
                    request.headers().set("X-Forwarded-Host", host);
                }
            }
            client.request(new RequestOptions().setMethod(request.method()).setHost("127.0.0.1").setPort(upstreamPort)
                            .setURI(request.uri()).setHeaders(request.headers()))
                    .compose(upstream -> upstream.send())
                    .onSuccess(response -> {
                        HttpServerResponse out = request.response().setStatusCode(response.statusCode());
                        out.headers().addAll(response.headers());
                        if (headers) {
                            out.headers().set(X_REQUEST_ID, requestId);
                            for (int i = 0; i < SECURITY_HEADERS.length; i += 2) {
                                out.headers().set(SECURITY_HEADERS[i], SECURITY_HEADERS[i + 1]);
                            }
                        }
                        response.body().onSuccess(out::end);
                    })
                    .onFailure(error -> request.response().setStatusCode(502).end());
        }).listen(listenPort, "127.0.0.1");
    }

    public static void main(String[] args) {
        listenPort = Integer.parseInt(args[0]);
        upstreamPort = Integer.parseInt(args[1]);
        headers = args.length > 3 && "headers".equals(args[3]);
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        vertx.deployVerticle(BareVertxProxy.class.getName(), new DeploymentOptions().setInstances(Integer.parseInt(args[2])));
    }
}
