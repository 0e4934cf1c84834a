package com.customk9.auth;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The caller's address as lockout counts it: the peer, or the client the gateway names in
 * {@code X-Forwarded-For} when the peer is a trusted proxy ({@code quarkus.http.proxy.*}).
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        SocketAddress address = request.remoteAddress();
        return address == null || address.hostAddress() == null ? "unknown" : address.hostAddress();
    }
}
