package com.customk9.attendance.support;

import com.customk9.platform.testing.KafkaBrokerResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** The shared in-JVM Kafka broker, started once for every test of the module. */
@WithTestResource(value = KafkaBrokerResource.class, scope = TestResourceScope.GLOBAL)
public final class TestResources {
    private TestResources() {
    }
}
