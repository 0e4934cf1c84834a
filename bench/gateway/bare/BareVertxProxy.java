import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * The floor under the gateway's cost: a reverse proxy in plain Vert.x, on the same Vert.x and Netty jars
 * as the gateway, doing nothing but forwarding (no routing table, no checks, no headers of its own, whole
 * bodies). bench/gateway/bare-vertx runs it beside nginx. Not part of any service.
 *
 * Arguments: listen port, upstream port, event loops.
 */
public class BareVertxProxy extends AbstractVerticle {

    private static int listenPort;
    private static int upstreamPort;

    @Override
    public void start() {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
                new PoolOptions().setHttp1MaxSize(64));
        vertx.createHttpServer(new HttpServerOptions().setTcpNoDelay(true)).requestHandler(request -> client
                .request(new RequestOptions().setMethod(request.method()).setHost("127.0.0.1").setPort(upstreamPort)
                        .setURI(request.uri()).setHeaders(request.headers()))
                .compose(upstream -> upstream.send())
                .onSuccess(response -> {
                    HttpServerResponse out = request.response().setStatusCode(response.statusCode());
                    out.headers().addAll(response.headers());
                    response.body().onSuccess(out::end);
                })
                .onFailure(error -> request.response().setStatusCode(502).end()))
                .listen(listenPort, "127.0.0.1");
    }

    public static void main(String[] args) {
        listenPort = Integer.parseInt(args[0]);
        upstreamPort = Integer.parseInt(args[1]);
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        vertx.deployVerticle(BareVertxProxy.class.getName(), new DeploymentOptions().setInstances(Integer.parseInt(args[2])));
    }
}
