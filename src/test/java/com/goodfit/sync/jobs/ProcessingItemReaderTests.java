package com.goodfit.sync.jobs;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.support.ListItemReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ProcessingItemReaderTests {

    @Test
    void processesEachItemOnTheReadingThreadBehindAReadAhead() throws Exception {
        List<String> threads = new ArrayList<>();
        ProcessingItemReader<Integer, String> processing = new ProcessingItemReader<>(
                new StateReader(new ListItemReader<>(List.of(1, 2, 3, 4, 5))), item -> {
                    threads.add(Thread.currentThread().getName());
                    return "#" + item;
                });
        ReadAheadItemReader<String> reader = new ReadAheadItemReader<>(processing, 2, "reading-thread");
        reader.open(new ExecutionContext());

        List<String> read = new ArrayList<>();
        for (String item = reader.read(); item != null; item = reader.read()) {
            read.add(item);
        }
        reader.close();

        assertThat(read).containsExactly("#1", "#2", "#3", "#4", "#5");
        assertThat(threads).hasSize(5).containsOnly("reading-thread");
    }

    @Test
    void aProcessorThatFiltersIsRefusedRatherThanLosingTheItem() throws Exception {
        ProcessingItemReader<Integer, Integer> reader = new ProcessingItemReader<>(
                new StateReader(new ListItemReader<>(List.of(1, 2))), item -> (item == 2) ? null : item);
        reader.open(new ExecutionContext());

        assertThat(reader.read()).isEqualTo(1);
        assertThatIllegalStateException().isThrownBy(reader::read).withMessageContaining("filtered 2");
    }

    /** A list reader with the stream methods a ReadAheadItemReader calls. */
    private static final class StateReader implements ItemStreamReader<Integer> {

        private final ListItemReader<Integer> items;

        StateReader(ListItemReader<Integer> items) {
            this.items = items;
        }

        @Override
        public Integer read() {
            return this.items.read();
        }

    }

}
