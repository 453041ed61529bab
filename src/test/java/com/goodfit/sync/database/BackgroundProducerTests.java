package com.goodfit.sync.database;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackgroundProducerTests {

    @Test
    void handsEveryItemInOrderThenTheEnd() {
        List<Integer> received = new ArrayList<>();
        try (BackgroundProducer<Integer> items = BackgroundProducer.start("counter", 2, sink -> {
            for (int i = 0; i < 1_000; i++) {
                sink.accept(i);
            }
        })) {
            for (Integer item = items.next(); item != null; item = items.next()) {
                received.add(item);
            }
            assertThat(items.next()).as("still the end").isNull();
        }

        assertThat(received).hasSize(1_000).isSorted().startsWith(0).endsWith(999);
    }

    @Test
    void theProducersOwnExceptionReachesTheCaller() {
        IllegalArgumentException broken = new IllegalArgumentException("download broke off");
        try (BackgroundProducer<Integer> items = BackgroundProducer.start("failing", 2, sink -> {
            sink.accept(1);
            throw broken;
        })) {
            assertThatThrownBy(() -> {
                while (items.next() != null) {
                    // drain until the failure surfaces
                }
            }).isSameAs(broken);
        }
    }

    @Test
    void closingStopsAProducerWaitingForTheCaller() throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        BackgroundProducer<Integer> items = BackgroundProducer.start("endless", 1, sink -> {
            try {
                while (true) {
                    sink.accept(1);
                }
            }
            finally {
                stopped.countDown();
            }
        });
        assertThat(items.next()).isEqualTo(1);

        items.close();

        assertThat(stopped.await(5, TimeUnit.SECONDS)).isTrue();
    }

}
