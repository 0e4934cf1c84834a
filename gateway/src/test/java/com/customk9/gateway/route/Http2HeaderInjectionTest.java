package com.customk9.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.customk9.gateway.support.Clients;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2HeadersDecoder;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2Headers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * HTTP/2 carries header values and the path as bytes; the gateway sends them on in HTTP/1.1, where a CR or LF
 * would start a header, or a whole request, of its own on an upstream connection other callers share. Such a
 * request is malformed (RFC 9113 8.2.1, 8.3.1) and is refused. The frames are written by hand: HTTP/2 clients
 * refuse to send these values.
 */
@QuarkusTest
class Http2HeaderInjectionTest {

    private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private record Answer(int status, String body) {
    }

    @Test
    void aCleanRequestGoesThroughThisClient() throws Exception {
        Answer answer = get("/api/blog/posts", "x-fine", "all good");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(new JsonPath(answer.body()).getString("headers.x-fine")).isEqualTo("all good");
    }

    @Test
    void aHeaderValueWithALineBreakIs400AndNeverReachesTheUpstream() throws Exception {
        for (String value : new String[] { "v\r\nx-smuggled: yes", "v\nx-smuggled: yes", "v\r\n\tfolded", "v\0nul" }) {
            Answer answer = get("/api/blog/posts", "x-inject", value);

            assertThat(answer.status()).as(value).isEqualTo(400);
            assertThat(new JsonPath(answer.body()).getString("error.code")).isEqualTo("BAD_REQUEST");
            assertThat(answer.body()).doesNotContain("x-smuggled");
        }
    }

    @Test
    void aPathWithASpaceOrALineBreakIs400() throws Exception {
        for (String path : new String[] { "/api/blog/posts HTTP/1.1\r\nx-smuggled: yes\r\n\r\nGET /api/blog/posts", "/api/blog/a b" }) {
            Answer answer = get(path, "x-fine", "ok");

            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(new JsonPath(answer.body()).getString("error.code")).isEqualTo("BAD_REQUEST");
        }
    }

    /** One GET on stream 1 of a new prior-knowledge HTTP/2 connection, with the header given (literal, unchecked). */
    private static Answer get(String path, String name, String value) throws IOException, Http2Exception {
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        block.write(0x82); // :method GET
        block.write(0x86); // :scheme http
        literal(block, 4, null, path); // :path
        literal(block, 1, null, "127.0.0.1:" + RestAssured.port); // :authority
        literal(block, 0, "x-forwarded-for", Clients.randomIp());
        literal(block, 0, name, value);
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(PREFACE);
            frame(out, 0x4, 0, 0, new byte[0]); // SETTINGS
            frame(out, 0x1, 0x5, 1, block.toByteArray()); // HEADERS, END_STREAM | END_HEADERS
            socket.getOutputStream().write(out.toByteArray());
            return read(socket.getInputStream());
        }
    }

    /** A literal header field without indexing (RFC 7541 6.2.2), not Huffman-coded; nameIndex 0: a new name. */
    private static void literal(ByteArrayOutputStream block, int nameIndex, String name, String value) {
        block.write(nameIndex);
        if (nameIndex == 0) {
            string(block, name);
        }
        string(block, value);
    }

    private static void string(ByteArrayOutputStream block, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(bytes.length).as("a one-byte length prefix").isLessThan(127);
        block.write(bytes.length);
        block.writeBytes(bytes);
    }

    private static void frame(ByteArrayOutputStream out, int type, int flags, int stream, byte[] payload) {
        out.write(payload.length >>> 16);
        out.write(payload.length >>> 8);
        out.write(payload.length);
        out.write(type);
        out.write(flags);
        out.write(stream >>> 24);
        out.write(stream >>> 16);
        out.write(stream >>> 8);
        out.write(stream);
        out.writeBytes(payload);
    }

    /** Reads frames until stream 1 ends; its status and body. */
    private static Answer read(InputStream stream) throws IOException, Http2Exception {
        DataInputStream in = new DataInputStream(stream);
        DefaultHttp2HeadersDecoder decoder = new DefaultHttp2HeadersDecoder(false);
        int status = -1;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            int length = (in.readUnsignedByte() << 16) | (in.readUnsignedByte() << 8) | in.readUnsignedByte();
            int type = in.readUnsignedByte();
            int flags = in.readUnsignedByte();
            int streamId = in.readInt() & 0x7fffffff;
            byte[] payload = in.readNBytes(length);
            if (type == 0x7 || (type == 0x3 && streamId == 1)) { // GOAWAY, RST_STREAM
                throw new IOException("the gateway ended the stream without an answer (frame type " + type + ")");
            }
            if (streamId != 1) {
                continue;
            }
            if (type == 0x1) {
                // PADDED (0x8): a pad length first, padding last; PRIORITY (0x20): 5 bytes of priority first.
                int padding = (flags & 0x8) != 0 ? payload[0] & 0xff : 0;
                int start = ((flags & 0x8) != 0 ? 1 : 0) + ((flags & 0x20) != 0 ? 5 : 0);
                Http2Headers headers = decoder.decodeHeaders(1, Unpooled.wrappedBuffer(payload, start, payload.length - start - padding));
                status = Integer.parseInt(headers.status().toString());
            } else if (type == 0x0) {
                body.writeBytes(payload);
            }
            if ((flags & 0x1) != 0) {
                return new Answer(status, body.toString(StandardCharsets.UTF_8));
            }
        }
    }
}
