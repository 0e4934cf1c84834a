package com.customk9.emulator.orm;

import static com.customk9.emulator.seed.DemoIds.ADMIN_UID;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.customk9.emulator.seed.DemoIds;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ConcurrentCallsTest {

    @Inject
    Orm orm;

    @Test
    void concurrentWritersGetDistinctIdsAndLoseNothing() throws Exception {
        String batch = "Concurrent-" + System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<Long>>> writers = new ArrayList<>();
            for (int writer = 0; writer < 4; writer++) {
                writers.add(() -> {
                    List<Long> ids = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        ids.add(orm.create(ADMIN_UID, "customk9.dog", Map.of("name", batch,
                                "owner_id", DemoIds.DAVID_PARTNER)));
                        orm.searchCount(ADMIN_UID, "customk9.dog", List.of(List.of("name", "=", batch)));
                    }
                    return ids;
                });
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> result : pool.invokeAll(writers)) {
                all.addAll(result.get());
            }
            assertThat(new HashSet<>(all)).hasSize(40);
            assertThat(orm.search(ADMIN_UID, "customk9.dog", List.of(List.of("name", "=", batch)), 0, null, "id"))
                    .containsExactlyInAnyOrderElementsOf(all);
        } finally {
            pool.shutdownNow();
        }
    }
}
