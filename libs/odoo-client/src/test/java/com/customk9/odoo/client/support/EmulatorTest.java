package com.customk9.odoo.client.support;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;

import com.customk9.odoo.client.OdooClient;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;

/**
 * What every test against the embedded emulator starts from: no faults, zeroed request counts, a
 * closed breaker and an empty cache (Redis database 14 is this module's alone).
 */
public abstract class EmulatorTest {

    @Inject
    protected OdooClient odoo;

    @Inject
    protected RedisDataSource redis;

    @Inject
    protected MeterRegistry meters;

    @BeforeEach
    void startClean() {
        Emulator.clearFaults();
        odoo.resetBreaker();
        redis.execute("FLUSHDB");
        Emulator.clearStats();
    }

    protected <T> T await(io.smallrye.mutiny.Uni<T> uni) {
        return Emulator.await(uni);
    }

    /** Completed calls recorded by the client's timer for this model, method and outcome. */
    protected long timed(String model, String method, String outcome) {
        var timer = meters.find("odoo.client.calls").tags("model", model, "method", method, "outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    protected double retries(String model, String method) {
        var counter = meters.find("odoo.client.retries").tags("model", model, "method", method).counter();
        return counter == null ? 0 : counter.count();
    }
}
