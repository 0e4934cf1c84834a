package com.customk9.platform.support;

import com.customk9.platform.testing.KafkaBrokerResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Starts the shared in-JVM Kafka broker once for every test of this module: a GLOBAL test resource
 * applies to all tests wherever it is declared.
 */
@WithTestResource(value = KafkaBrokerResource.class, scope = TestResourceScope.GLOBAL)
public final class TestBroker {
    private TestBroker() {
    }
}
