package com.customk9.e2e.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** The few Redis commands the journeys need, in plain RESP over a socket (no client library, no redis-cli). */
public final class Redis {

    private Redis() {
    }

    /** Empties database {@code database} of the Redis on 127.0.0.1:6379. */
    public static void flushDatabase(int database) {
        String db = Integer.toString(database);
        String commands = "*2\r\n$6\r\nSELECT\r\n$" + db.length() + "\r\n" + db + "\r\n"
                + "*1\r\n$7\r\nFLUSHDB\r\n";
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 6379), 2000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(commands.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String first = readLine(in);
            String second = readLine(in);
            if (!"+OK".equals(first) || !"+OK".equals(second)) {
                throw new IllegalStateException("Redis answered " + first + " / " + second + " to SELECT " + db + " / FLUSHDB");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Redis on 127.0.0.1:6379 cannot be reached (deploy/local/test starts it)", e);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\r') {
                in.read();
                break;
            }
            line.append((char) c);
        }
        return line.toString();
    }
}
