package com.customk9.odoo.client.support;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The test application with its Redis reached through a proxy the test can cut. */
public class RedisBehindProxyProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RedisProxyResource.class));
    }
}
