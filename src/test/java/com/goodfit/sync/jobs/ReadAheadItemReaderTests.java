package com.goodfit.sync.jobs;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReadAheadItemReaderTests {

    @Test
    void handsOutEveryItemInOrderThenNull() throws Exception {
        for (int count : new int[] { 0, 1, 3, 6, 7 }) {
            ReadAheadItemReader<Integer> reader = new ReadAheadItemReader<>(new CountingReader(count, -1), 3, "t");
            reader.open(new ExecutionContext());

            assertThat(drain(reader)).as("%d items", count).isEqualTo(range(0, count));
            assertThat(reader.read()).isNull();
            reader.close();
        }
    }

    @Test
    void givesTheStepTheDelegatesStateAfterEachWholeBatchNotWhatWasReadAhead() throws Exception {
        CountingReader delegate = new CountingReader(7, -1);
        ReadAheadItemReader<Integer> reader = new ReadAheadItemReader<>(delegate, 3, "t");
        reader.open(new ExecutionContext());
        ExecutionContext state = new ExecutionContext();

        reader.update(state);
        assertThat(state.getInt("read")).isZero();
        for (int i = 0; i < 3; i++) {
            reader.read();
        }
        reader.update(state);
        // The reading thread may be a batch further on; the state is the one after the items handed out.
        assertThat(state.getInt("read")).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            reader.read();
        }
        reader.update(state);
        assertThat(state.getInt("read")).isEqualTo(6);
        assertThat(reader.read()).isEqualTo(6);
        assertThat(reader.read()).isNull();
        reader.update(state);
        assertThat(state.getInt("read")).isEqualTo(7);
        reader.close();
        assertThat(delegate.closed).isTrue();
    }

    @Test
    void resumesFromTheStateItGave() throws Exception {
        ExecutionContext saved = new ExecutionContext();
        saved.putInt("read", 3);
        ReadAheadItemReader<Integer> reader = new ReadAheadItemReader<>(new CountingReader(7, -1), 3, "t");
        reader.open(saved);

        assertThat(drain(reader)).containsExactly(3, 4, 5, 6);
        reader.close();
    }

    @Test
    void refusesAStateAskedForInTheMiddleOfABatch() throws Exception {
        ReadAheadItemReader<Integer> reader = new ReadAheadItemReader<>(new CountingReader(7, -1), 3, "t");
        reader.open(new ExecutionContext());
        reader.read();

        assertThatExceptionOfType(ItemStreamException.class).isThrownBy(() -> reader.update(new ExecutionContext()))
            .withMessageContaining("chunk size must be 3");
        reader.close();
    }

    @Test
    void aFailedReadReachesTheStepAtTheItemThatCouldNotBeRead() throws Exception {
        ReadAheadItemReader<Integer> reader = new ReadAheadItemReader<>(new CountingReader(9, 4), 3, "t");
        reader.open(new ExecutionContext());
        List<Integer> read = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            read.add(reader.read());
        }
        ExecutionContext state = new ExecutionContext();
        reader.update(state);

        assertThat(read).containsExactly(0, 1, 2);
        assertThat(state.getInt("read")).isEqualTo(3);
        assertThatExceptionOfType(IllegalStateException.class).isThrownBy(reader::read).withMessage("bad row 4");
        reader.close();
    }

    private static List<Integer> drain(ReadAheadItemReader<Integer> reader) throws Exception {
        List<Integer> items = new ArrayList<>();
        for (Integer item = reader.read(); item != null; item = reader.read()) {
            items.add(item);
        }
        return items;
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> items = new ArrayList<>();
        for (int i = from; i < to; i++) {
            items.add(i);
        }
        return items;
    }

    /** Reads 0, 1, 2, ... up to a count; its restart state is how many it has read. */
    private static final class CountingReader implements ItemStreamReader<Integer> {

        private final int count;

        private final int failAt;

        private int next;

        private boolean closed;

        CountingReader(int count, int failAt) {
            this.count = count;
            this.failAt = failAt;
        }

        @Override
        public void open(ExecutionContext executionContext) {
            this.next = executionContext.getInt("read", 0);
        }

        @Override
        public @Nullable Integer read() {
            if (this.next == this.failAt) {
                throw new IllegalStateException("bad row " + this.next);
            }
            return (this.next < this.count) ? this.next++ : null;
        }

        @Override
        public void update(ExecutionContext executionContext) {
            executionContext.putInt("read", this.next);
        }

        @Override
        public void close() {
            this.closed = true;
        }

    }

}
