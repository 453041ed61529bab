package com.goodfit.sync.database;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CopyTextEncoderTests {

    @Test
    void separatesColumnsWithTabsAndEndsRowsWithNewlines() {
        CopyTextEncoder encoder = new CopyTextEncoder(4);
        encoder.number(7).text("Acme").number((Integer) null).decimal(new BigDecimal("12.50")).endRow();
        encoder.text(null).endRow();
        assertThat(text(encoder)).isEqualTo("7\tAcme\t\\N\t12.50\n\\N\n");
    }

    @Test
    void escapesBackslashesAndControlCharactersButNotQuotes() {
        CopyTextEncoder encoder = new CopyTextEncoder(4);
        encoder.text("a\\b\tc\nd\re \"quoted\" 'single'").endRow();
        assertThat(text(encoder)).isEqualTo("a\\\\b\\tc\\nd\\re \"quoted\" 'single'\n");
    }

    @Test
    void keepsEmptyStringsApartFromNull() {
        CopyTextEncoder encoder = new CopyTextEncoder(4);
        encoder.text("").text(null).endRow();
        assertThat(text(encoder)).isEqualTo("\t\\N\n");
    }

    @Test
    void encodesUnicodeAsUtf8IncludingSupplementaryCharacters() {
        String value = "bücher.de José 株式会社 😀";
        CopyTextEncoder encoder = new CopyTextEncoder(4);
        encoder.text(value);
        assertThat(text(encoder)).isEqualTo(value);
    }

    @Test
    void writesTimestampsAsIsoDateSpaceTime() {
        CopyTextEncoder encoder = new CopyTextEncoder(4);
        encoder.timestamp(LocalDateTime.of(2025, 3, 4, 5, 6, 7));
        assertThat(text(encoder)).isEqualTo("2025-03-04 05:06:07");
    }

    private static String text(CopyTextEncoder encoder) {
        return new String(Arrays.copyOf(encoder.bytes(), encoder.length()), StandardCharsets.UTF_8);
    }

}
