package com.goodfit.sync.plan;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChunkHalvesTests {

    @Test
    void keepsTheItemsOrderAndDropsWhatTheWorkDrops() throws Exception {
        for (int size : new int[] { 0, 1, 499, 500, 5_000, 5_001 }) {
            List<Integer> items = IntStream.range(0, size).boxed().toList();

            List<String> results = ChunkHalves.map(items, item -> (item % 3 == 0) ? null : "#" + item);

            assertThat(results).as("%d items", size)
                .isEqualTo(items.stream().filter(item -> item % 3 != 0).map(item -> "#" + item).toList());
        }
    }

    @Test
    void aLargeChunkIsWorkedOnTwoThreads() throws Exception {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();

        ChunkHalves.map(IntStream.range(0, 5_000).boxed().toList(), item -> {
            threads.add(Thread.currentThread());
            return item;
        });

        assertThat(threads).hasSize(2).contains(Thread.currentThread());
    }

    @Test
    void aFailureInEitherHalfIsThrownAsThrown() {
        List<Integer> items = IntStream.range(0, 1_000).boxed().toList();
        Exception checked = new Exception("item 900 is bad");

        assertThatThrownBy(() -> ChunkHalves.map(items, item -> {
            if (item == 900) {
                throw checked;
            }
            return item;
        })).isSameAs(checked);
        assertThatThrownBy(() -> ChunkHalves.map(items, item -> {
            if (item == 10) {
                throw new IllegalArgumentException("item 10 is bad");
            }
            return item;
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("item 10 is bad");
    }

}
