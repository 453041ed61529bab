package com.goodfit.sync.apply;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BulkCellsTests {

    @Test
    void writesNullAndBlankAsSetNull() {
        assertThat(BulkCells.cell(null)).isEqualTo("#N/A");
        assertThat(BulkCells.cell("  ")).isEqualTo("#N/A");
    }

    @Test
    void writesNumbersPlainWithoutExponentOrGrouping() {
        assertThat(BulkCells.cell(new BigDecimal("1E+7"))).isEqualTo("10000000");
        assertThat(BulkCells.cell(1.0E7)).isEqualTo("10000000");
        assertThat(BulkCells.cell(1234567.89)).isEqualTo("1234567.89");
        assertThat(BulkCells.cell(0.000001)).isEqualTo("0.000001");
        assertThat(BulkCells.cell(42L)).isEqualTo("42");
        assertThat(BulkCells.cell(new BigDecimal("12.50"))).isEqualTo("12.50");
    }

    @Test
    void keepsTextDatesAndBooleansAsTheyAre() {
        assertThat(BulkCells.cell("a, \"b\"\nc — ü 東京")).isEqualTo("a, \"b\"\nc — ü 東京");
        assertThat(BulkCells.cell("2024-05-20")).isEqualTo("2024-05-20");
        assertThat(BulkCells.cell("2024-05-20T20:49:32Z")).isEqualTo("2024-05-20T20:49:32Z");
        assertThat(BulkCells.cell(true)).isEqualTo("true");
    }

}
