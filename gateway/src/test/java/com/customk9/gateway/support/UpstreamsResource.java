package com.customk9.gateway.support;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the gateway's real route table at the test upstreams (tiny Vert.x servers on 127.0.0.1):
 * most routes at the echo server; portal at a server of its own with a 500 ms timeout (504 tests);
 * rental at a closed port (502); events at a port the breaker test opens and closes; the JWKS at
 * the key server.
 */
public class UpstreamsResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestUpstreams upstreams = TestUpstreams.get();
        String echo = "http://127.0.0.1:" + upstreams.echoPort();
        Map<String, String> config = new HashMap<>();
        for (String route : new String[] { "auth-public", "auth", "training", "files", "attendance", "blog-read",
                "marketing" }) {
            config.put("customk9.gateway.routes." + route + ".upstream", echo);
        }
        config.put("customk9.gateway.routes.portal.upstream", "http://127.0.0.1:" + upstreams.slowPort());
        config.put("customk9.gateway.routes.rental.upstream", "http://127.0.0.1:" + upstreams.closedPort());
        config.put("customk9.gateway.routes.events.upstream", "http://127.0.0.1:" + upstreams.flakyPort());
        config.put("customk9.gateway.jwt.jwks-url", "http://127.0.0.1:" + upstreams.jwksPort() + "/.well-known/jwks.json");
        return config;
    }

    @Override
    public void stop() {
        // The servers live as long as the JVM: profiles restart the application, not the upstreams.
    }
}
