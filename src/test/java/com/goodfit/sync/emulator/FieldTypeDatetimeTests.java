package com.goodfit.sync.emulator;

import java.time.Instant;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FieldTypeDatetimeTests {

    @Test
    void theHandWrittenFormMatchesTheFormatterAcrossYearsAndBeforeTheEpoch() {
        SplittableRandom random = new SplittableRandom(42);
        long[] edges = { 0L, -1L, 999L, -999L, 1_000L, 253_402_300_799_999L, -62_167_219_200_000L,
                Instant.parse("2024-02-29T23:59:59.999Z").toEpochMilli() };
        for (long millis : edges) {
            assertThat(FieldType.formatDatetime(millis)).as("%d", millis)
                .isEqualTo(FieldType.DATETIME_OUT.format(Instant.ofEpochMilli(millis)));
        }
        for (int i = 0; i < 100_000; i++) {
            long millis = random.nextLong(-62_167_219_200_000L, 253_402_300_800_000L);
            assertThat(FieldType.formatDatetime(millis)).as("%d", millis)
                .isEqualTo(FieldType.DATETIME_OUT.format(Instant.ofEpochMilli(millis)));
        }
    }

    @Test
    void yearsBeyondFourDigitsFallBackToTheFormatter() {
        long millis = Instant.parse("+12345-01-01T00:00:00Z").toEpochMilli();

        assertThat(FieldType.formatDatetime(millis)).isEqualTo(FieldType.DATETIME_OUT.format(Instant.ofEpochMilli(millis)));
    }

}
