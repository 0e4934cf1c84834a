package com.customk9.odoo.client.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Puts a {@link RedisProxy} between the test application and Redis. */
public class RedisProxyResource implements QuarkusTestResourceLifecycleManager {

    public static final RedisProxy PROXY = new RedisProxy(6379);

    @Override
    public Map<String, String> start() {
        try {
            int port = PROXY.start();
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + port + "/14");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        try {
            PROXY.cut();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
