package com.goodfit.sync.matching;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RecordIndexerTests {

    @Test
    void readsCreatedDatesAsTheRestApiAndABulkQueryWriteThem() {
        Instant expected = Instant.parse("2024-05-20T20:49:32Z");

        assertThat(RecordIndexer.createdDateOf("2024-05-20T20:49:32.000+0000")).isEqualTo(expected);
        assertThat(RecordIndexer.createdDateOf("2024-05-20T22:49:32.000+0200")).isEqualTo(expected);
        assertThat(RecordIndexer.createdDateOf("2024-05-20T20:49:32.000Z")).isEqualTo(expected);
        assertThat(RecordIndexer.createdDateOf(null)).isEqualTo(Instant.EPOCH);
    }

    @Test
    void aCreatedDateInNeitherShapeIsRefusedWithTheValue() {
        assertThatExceptionOfType(DateTimeParseException.class)
            .isThrownBy(() -> RecordIndexer.createdDateOf("20/05/2024 20:49"))
            .withMessageContaining("20/05/2024 20:49");
        assertThatExceptionOfType(DateTimeParseException.class)
            .isThrownBy(() -> RecordIndexer.createdDateOf("yesterdayZ"))
            .withMessageContaining("yesterdayZ");
    }

}
