package com.customk9.odoo.client.transport;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.customk9.odoo.client.OdooConfig;
import com.customk9.odoo.client.error.OdooErrors;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.mutiny.core.buffer.Buffer;

/**
 * The one HTTP connection pool to the configured Odoo instance (Vert.x WebClient, keep-alive).
 * Failures below HTTP come out already typed ({@link OdooErrors#fromTransport}).
 */
@ApplicationScoped
public class OdooHttp {

    private static final String SESSION_COOKIE = "session_id";

    private final WebClient client;
    private final URI base;
    private final long requestTimeoutMillis;

    public OdooHttp(Vertx vertx, OdooConfig config) {
        this.base = URI.create(config.url().endsWith("/") ? config.url().substring(0, config.url().length() - 1)
                : config.url());
        WebClientOptions options = new WebClientOptions()
                .setConnectTimeout((int) config.timeout().connect().toMillis())
                .setMaxPoolSize(config.maxConnections())
                .setKeepAlive(true)
                .setUserAgent("customk9-odoo-client")
                .setFollowRedirects(false);
        this.client = WebClient.create(vertx, options);
        // A backstop behind the fault-tolerance timeout, so a stuck socket is always released.
        this.requestTimeoutMillis = config.timeout().call().toMillis() + 1000;
    }

    @PreDestroy
    void close() {
        client.close();
    }

    public Uni<HttpAnswer> postJson(String path, JsonObject body, Map<String, String> headers) {
        HttpRequest<Buffer> request = request(HttpMethod.POST, path, Map.of(), headers);
        return answer(request.sendJsonObject(body));
    }

    public Uni<HttpAnswer> send(HttpMethod method, String path, Map<String, String> query,
            Map<String, String> headers, JsonObject body) {
        HttpRequest<Buffer> request = request(method, path, query, headers);
        return answer(body == null ? request.send() : request.sendJsonObject(body));
    }

    private HttpRequest<Buffer> request(HttpMethod method, String path, Map<String, String> query,
            Map<String, String> headers) {
        HttpRequest<Buffer> request = client.requestAbs(method, base + path).timeout(requestTimeoutMillis);
        request.putHeader("Accept", "application/json");
        headers.forEach(request::putHeader);
        query.forEach(request::addQueryParam);
        return request;
    }

    private static Uni<HttpAnswer> answer(Uni<HttpResponse<Buffer>> response) {
        return response
                .map(http -> new HttpAnswer(http.statusCode(), http.body(), sessionCookie(http.cookies())))
                .onFailure().transform(OdooErrors::fromTransport);
    }

    private static String sessionCookie(List<String> cookies) {
        for (String cookie : cookies) {
            String pair = cookie.split(";", 2)[0].trim();
            if (pair.startsWith(SESSION_COOKIE + "=")) {
                return pair.substring(SESSION_COOKIE.length() + 1);
            }
        }
        return null;
    }
}
