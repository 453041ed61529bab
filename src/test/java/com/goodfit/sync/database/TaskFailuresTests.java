package com.goodfit.sync.database;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskFailuresTests {

    @Test
    void anUncheckedFailureIsTheTasksOwn() {
        IllegalArgumentException failure = new IllegalArgumentException("bad row");

        assertThat(TaskFailures.unchecked(new ExecutionException(failure), "copy failed")).isSameAs(failure);
        assertThat(TaskFailures.asThrown(new CompletionException(failure))).isSameAs(failure);
    }

    @Test
    void aCheckedFailureIsWrappedWithWhatFailedOrPassedOnAsThrown() {
        IOException failure = new IOException("disk gone");

        assertThat(TaskFailures.unchecked(new ExecutionException(failure), "writing the CSV failed"))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("writing the CSV failed")
            .hasCause(failure);
        assertThat(TaskFailures.asThrown(new ExecutionException(failure))).isSameAs(failure);
    }

    @Test
    void anErrorIsThrownAtOnce() {
        OutOfMemoryError error = new OutOfMemoryError("heap");

        assertThatThrownBy(() -> TaskFailures.unchecked(new ExecutionException(error), "x")).isSameAs(error);
        assertThatThrownBy(() -> TaskFailures.asThrown(new CompletionException(error))).isSameAs(error);
    }

}
