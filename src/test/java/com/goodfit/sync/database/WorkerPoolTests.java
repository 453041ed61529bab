package com.goodfit.sync.database;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkerPoolTests {

    @Test
    void runsTasksOnAFewNamedDaemonThreadsRatherThanAThreadEach() {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        List<CompletableFuture<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            tasks.add(CompletableFuture.runAsync(() -> threads.add(Thread.currentThread()), WorkerPool.executor()));
        }
        tasks.forEach(CompletableFuture::join);

        assertThat(threads).allSatisfy(thread -> {
            assertThat(thread.getName()).startsWith("goodfit-worker-");
            assertThat(thread.isDaemon()).isTrue();
        });
        assertThat(threads).hasSizeLessThanOrEqualTo(Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

}
