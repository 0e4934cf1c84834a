package com.customk9.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static ClientAddress trusting(String... proxies) {
        return new ClientAddress(true, true, Optional.of(List.of(proxies)));
    }

    @Test
    void withoutForwardingTheClientIsTheTcpPeer() {
        ClientAddress addresses = new ClientAddress(false, false, Optional.empty());
        ClientAddress.Resolved resolved = addresses.resolve("192.0.2.7", false, List.of("203.0.113.9"), "https");
        assertThat(resolved.ip()).isEqualTo("192.0.2.7");
        assertThat(resolved.scheme()).isEqualTo("http");
    }

    @Test
    void aTrustedProxyNamesTheClientAndTheScheme() {
        ClientAddress.Resolved resolved = trusting("127.0.0.1").resolve("127.0.0.1", false, List.of("203.0.113.9"), "https");
        assertThat(resolved.ip()).isEqualTo("203.0.113.9");
        assertThat(resolved.scheme()).isEqualTo("https");
    }

    @Test
    void anUntrustedPeerCannotChooseItsAddress() {
        ClientAddress.Resolved resolved = trusting("10.0.0.0/8").resolve("192.0.2.7", false, List.of("203.0.113.9"), "https");
        assertThat(resolved.ip()).isEqualTo("192.0.2.7");
        assertThat(resolved.scheme()).isEqualTo("http");
    }

    @Test
    void theClientIsTheRightMostAddressNoTrustedProxyWrote() {
        ClientAddress addresses = trusting("10.0.0.0/8", "127.0.0.1");
        // The client wrote "198.51.100.1" itself; the ingress (10.1.2.3) appended the address it saw.
        assertThat(addresses.resolve("10.1.2.3", false, List.of("198.51.100.1, 203.0.113.9, 10.9.9.9"), null).ip())
                .isEqualTo("203.0.113.9");
        assertThat(addresses.resolve("10.1.2.3", false, List.of("198.51.100.1", "203.0.113.9"), null).ip())
                .as("several headers read as one list").isEqualTo("203.0.113.9");
        assertThat(addresses.resolve("10.1.2.3", false, List.of("10.5.5.5, 10.6.6.6"), null).ip())
                .as("every hop trusted: the first one").isEqualTo("10.5.5.5");
        assertThat(addresses.resolve("10.1.2.3", false, List.of(), null).ip())
                .as("no header: the peer").isEqualTo("10.1.2.3");
    }

    @Test
    void rangesMatchOnTheirPrefixOnly() {
        ClientAddress.Cidr range = ClientAddress.Cidr.parse("172.16.0.0/12");
        assertThat(range.contains(ClientAddress.Cidr.literal("172.31.255.1"))).isTrue();
        assertThat(range.contains(ClientAddress.Cidr.literal("172.32.0.1"))).isFalse();
        assertThat(range.contains(ClientAddress.Cidr.literal("::1"))).isFalse();
        ClientAddress.Cidr v6 = ClientAddress.Cidr.parse("fd00::/8");
        assertThat(v6.contains(ClientAddress.Cidr.literal("fd12:3456::1"))).isTrue();
        assertThat(v6.contains(ClientAddress.Cidr.literal("fe80::1"))).isFalse();
        assertThat(ClientAddress.Cidr.literal("not-an-address")).isNull();
        assertThat(ClientAddress.Cidr.literal("dead:beef:host")).as("never looked up").isNull();
        assertThat(ClientAddress.Cidr.literal("[::1]")).hasSize(16);
    }

    @Test
    void aMalformedRangeStopsTheStart() {
        assertThatThrownBy(() -> trusting("10.0.0.0/40")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trusted-proxies");
        assertThatThrownBy(() -> trusting("10.0.0.0/x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOddSchemeIsIgnored() {
        assertThat(trusting("127.0.0.1").resolve("127.0.0.1", false, List.of("203.0.113.9"), "gopher").scheme()).isEqualTo("http");
    }
}
