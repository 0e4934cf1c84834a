package com.customk9.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.vertx.core.MultiMap;

/** Which headers cross the gateway, as plain logic (ProxyTest covers them through a running gateway). */
class ForwardedHeadersTest {

    private final ForwardedHeaders.Names names = new ForwardedHeaders.Names(Set.of("connection", "te", "x-request-id"),
            Set.of("content-length"));

    @Test
    void findsANameWhateverItsCase() {
        assertThat(names.contains("connection")).isTrue();
        assertThat(names.contains("Connection")).isTrue();
        assertThat(names.contains("CONNECTION")).isTrue();
        assertThat(names.contains("cONNECTIOn")).isTrue();
        assertThat(names.contains("TE")).isTrue();
        assertThat(names.contains("X-Request-ID")).isTrue();
        assertThat(names.contains("Content-Length")).isTrue();
    }

    @Test
    void findsNoOtherName() {
        // Same length, or same first letter, or a prefix of a listed one.
        assertThat(names.contains("Connectiom")).isFalse();
        assertThat(names.contains("Xonnection")).isFalse();
        assertThat(names.contains("Content-Type")).isFalse();
        assertThat(names.contains("T")).isFalse();
        assertThat(names.contains("Tx")).isFalse();
        assertThat(names.contains("X-Request-Idx")).isFalse();
        assertThat(names.contains("Content-Lengths-And-More")).isFalse();
        assertThat(names.contains("")).isFalse();
        // Only ASCII letters fold: no other character stands for a letter.
        assertThat(names.contains("\u212Aonnection")).isFalse();
        assertThat(names.contains("@onnection")).isFalse();
    }

    @Test
    void namesAreListedInLowerCase() {
        assertThatThrownBy(() -> new ForwardedHeaders.Names(Set.of("Connection"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void copiesForTheUpstreamAllButHopByHopAndTheGatewaysOwn() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Host", "gateway.example")
                .add("Accept", "application/json")
                .add("Connection", "keep-alive, X-Trace")
                .add("X-Trace", "1")
                .add("keep-alive", "timeout=5")
                .add("Te", "trailers")
                .add("X-Forwarded-For", "203.0.113.9")
                .add("Authorization", "Bearer abc");

        MultiMap up = MultiMap.caseInsensitiveMultiMap();
        ForwardedHeaders.copyForUpstream(headers, up);

        assertThat(up.names()).containsExactlyInAnyOrder("Accept", "Authorization");
        assertThat(up.get("Authorization")).isEqualTo("Bearer abc");
        assertThat(headers.size()).as("the caller's own are left as they came").isEqualTo(8);
    }

    /** A decoded header's characters are its bytes (ISO-8859-1): they go up unchanged, obs-text included. */
    @Test
    void copiesValuesByteForByte() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("X-Note", "caf\u00e9 \u00ff").add("Accept", "*/*");
        MultiMap up = MultiMap.caseInsensitiveMultiMap();

        ForwardedHeaders.copyForUpstream(headers, up);

        assertThat(up.get("X-Note")).isEqualTo("caf\u00e9 \u00ff");
        assertThat(up.get("Accept")).isEqualTo("*/*");
    }

    @Test
    void copiesTheResponsesHeadersButHopByHopOnesTheGatewaysOwnAndTheLength() {
        MultiMap upstream = MultiMap.caseInsensitiveMultiMap()
                .add("Content-Type", "application/json")
                .add("content-length", "40")
                .add("Transfer-Encoding", "chunked")
                .add("X-Frame-Options", "SAMEORIGIN")
                .add("Set-Cookie", "a=1")
                .add("Set-Cookie", "b=2")
                .add("Vary", "Accept");
        MultiMap response = MultiMap.caseInsensitiveMultiMap()
                .add("X-Frame-Options", "DENY")
                .add("Vary", "Origin")
                .add("Content-Type", "text/plain");

        ForwardedHeaders.copyResponseHeaders(upstream, response);

        assertThat(response.get("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.getAll("Vary")).containsExactly("Origin", "Accept");
        assertThat(response.getAll("Content-Type")).containsExactly("application/json");
        assertThat(response.getAll("Set-Cookie")).containsExactly("a=1", "b=2");
        assertThat(response.contains("Content-Length")).isFalse();
        assertThat(response.contains("Transfer-Encoding")).isFalse();
    }
}
