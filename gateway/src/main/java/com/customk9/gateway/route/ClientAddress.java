package com.customk9.gateway.route;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * Who is calling: the TCP peer, or, when the peer is a trusted proxy (a load balancer, the ingress), the
 * client it names in {@code X-Forwarded-For} and the scheme in {@code X-Forwarded-Proto}. Read from
 * Quarkus' own settings, so one set of keys (and the Helm value {@code trustedProxies}) covers the whole
 * gateway: {@code quarkus.http.proxy.proxy-address-forwarding} and {@code allow-x-forwarded} switch it on,
 * {@code trusted-proxies} lists the proxies (addresses, CIDR ranges or host names resolved at start;
 * empty: any peer).
 * <p>
 * Of the addresses in {@code X-Forwarded-For}, the client is the right-most one that is not a trusted
 * proxy: each proxy appends the address it saw, so everything left of the first untrusted entry may
 * have been written by the client itself.
 */
@Singleton
public class ClientAddress {

    /** The caller's address and scheme. */
    public record Resolved(String ip, String scheme) {
    }

    private static final String X_FORWARDED_FOR = "X-Forwarded-For";
    private static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";

    private final boolean forwarding;
    private final Set<String> trustedAddresses = new HashSet<>();
    private final List<Cidr> trustedRanges = new ArrayList<>();
    private final boolean trustAll;

    public ClientAddress(
            @ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding", defaultValue = "false") boolean addressForwarding,
            @ConfigProperty(name = "quarkus.http.proxy.allow-x-forwarded", defaultValue = "false") boolean allowXForwarded,
            @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies") Optional<List<String>> trustedProxies) {
        this.forwarding = addressForwarding && allowXForwarded;
        List<String> proxies = trustedProxies.orElse(List.of());
        this.trustAll = proxies.isEmpty();
        for (String proxy : proxies) {
            String entry = proxy.trim();
            int slash = entry.indexOf('/');
            if (slash > 0) {
                trustedRanges.add(Cidr.parse(entry));
            } else {
                int colon = entry.lastIndexOf(':');
                // "host:port" as Quarkus allows: the port is not checked here.
                String host = colon > 0 && entry.indexOf(':') == colon ? entry.substring(0, colon) : entry;
                try {
                    for (InetAddress address : InetAddress.getAllByName(host)) {
                        trustedAddresses.add(address.getHostAddress());
                    }
                } catch (UnknownHostException e) {
                    throw new IllegalArgumentException("quarkus.http.proxy.trusted-proxies: unknown host " + host, e);
                }
            }
        }
    }

    public Resolved of(HttpServerRequest request) {
        SocketAddress peer = request.remoteAddress();
        String peerIp = peer == null || peer.host() == null ? "unknown" : peer.host();
        if (!forwarding) {
            return new Resolved(peerIp, request.isSSL() ? "https" : "http");
        }
        return resolve(peerIp, request.isSSL(), request.headers().getAll(X_FORWARDED_FOR), request.getHeader(X_FORWARDED_PROTO));
    }

    Resolved resolve(String peerIp, boolean ssl, List<String> forwardedFor, String proto) {
        String scheme = ssl ? "https" : "http";
        if (!forwarding || !trusted(peerIp)) {
            return new Resolved(peerIp, scheme);
        }
        String client = forwardedClient(forwardedFor);
        if (proto != null) {
            String first = proto.split(",", 2)[0].trim();
            if ("http".equalsIgnoreCase(first) || "https".equalsIgnoreCase(first)) {
                scheme = first.toLowerCase(Locale.ROOT);
            }
        }
        return new Resolved(client == null ? peerIp : client, scheme);
    }

    private String forwardedClient(List<String> headers) {
        if (headers.isEmpty()) {
            return null;
        }
        List<String> hops = new ArrayList<>();
        for (String header : headers) {
            for (String hop : header.split(",")) {
                String address = hop.trim();
                if (!address.isEmpty()) {
                    hops.add(address);
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (i == 0 || !trusted(hop)) {
                return hop;
            }
        }
        return null;
    }

    private boolean trusted(String ip) {
        if (trustAll || trustedAddresses.contains(ip)) {
            return true;
        }
        if (trustedRanges.isEmpty()) {
            return false;
        }
        byte[] address = Cidr.literal(ip);
        if (address == null) {
            return false;
        }
        for (Cidr range : trustedRanges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** An address range such as {@code 10.0.0.0/8} or {@code fd00::/8}. */
    record Cidr(byte[] network, int prefixLength) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            byte[] network = literal(text.substring(0, slash));
            int length;
            try {
                length = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (network == null || length < 0 || length > network.length * 8) {
                throw new IllegalArgumentException("quarkus.http.proxy.trusted-proxies: not an address range: " + text);
            }
            return new Cidr(network, length);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefixLength / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixLength % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }

        /** The bytes of an IP literal ({@code [::1]} too); null for anything else, never a DNS lookup. */
        static byte[] literal(String ip) {
            String bare = ip.length() > 2 && ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
            return NetUtil.createByteArrayFromIpAddressString(bare);
        }
    }
}
