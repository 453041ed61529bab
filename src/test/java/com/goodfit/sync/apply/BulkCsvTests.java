package com.goodfit.sync.apply;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BulkCsvTests {

    @Test
    void putsTheKeyFirstAndEachFieldInTheOrderItFirstAppears() throws IOException {
        BulkCsv csv = new BulkCsv("Id", 1_000_000);

        csv.add("001A", values("Name", "Acme", "Industry", "Retail"));
        csv.add("001B", values("Industry", "Banking", "Website", "b.com"));
        csv.add("001C", values("Website", "c.com"));

        List<CSVRecord> records = parse(csv);
        assertThat(records.get(0).values()).containsExactly("Id", "Name", "Industry", "Website");
        assertThat(records.get(1).values()).containsExactly("001A", "Acme", "Retail", "");
        assertThat(records.get(2).values()).containsExactly("001B", "", "Banking", "b.com");
        assertThat(records.get(3).values()).containsExactly("001C", "", "", "c.com");
        assertThat(csv.rows()).isEqualTo(3);
    }

    @Test
    void keepsEveryRowWholeAcrossPagesIncludingOneLargerThanAPage() throws IOException {
        BulkCsv csv = new BulkCsv("Id", 10_000_000);
        String large = "x".repeat(300 * 1024);
        for (int row = 0; row < 6_000; row++) {
            csv.add("001" + row, (row == 2_500) ? values("Description", large)
                    : values("Name", "Company " + row + " — ü", "Industry", "Retail"));
        }

        List<CSVRecord> records = parse(csv);
        assertThat(records).hasSize(6_001);
        assertThat(records.get(0).values()).containsExactly("Id", "Name", "Industry", "Description");
        for (int row = 0; row < 6_000; row++) {
            List<String> expected = (row == 2_500) ? List.of("001" + row, "", "", large)
                    : List.of("001" + row, "Company " + row + " — ü", "Retail", "");
            assertThat(records.get(row + 1).values()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void keepsCommasQuotesNewlinesAndUnicodeInsideCellsAndPadsAfterThem() throws IOException {
        BulkCsv csv = new BulkCsv("GoodFit_ID__c", 1_000_000);
        String awkward = "a, \"b\"\nc — ü 東京";

        csv.add("company-1", values("Name", awkward));
        csv.add("company-2", values("Description", "second"));

        List<CSVRecord> records = parse(csv);
        assertThat(records.get(1).values()).containsExactly("company-1", awkward, "");
        assertThat(records.get(2).values()).containsExactly("company-2", "", "second");
    }

    @Test
    void leavesOutTheKeyFieldAndTreatsFieldNamesCaseInsensitively() throws IOException {
        BulkCsv csv = new BulkCsv("GoodFit_ID__c", 1_000_000);

        csv.add("company-1", values("goodfit_id__c", "company-1", "Name", "One"));
        csv.add("company-2", values("NAME", "Two", "name", "Two again"));

        List<CSVRecord> records = parse(csv);
        assertThat(records.get(0).values()).containsExactly("GoodFit_ID__c", "Name");
        assertThat(records.get(2).values()).containsExactly("company-2", "Two again");
    }

    @Test
    void writesSetNullForPlannedNulls() throws IOException {
        BulkCsv csv = new BulkCsv("Id", 1_000_000);

        csv.add("001A", values("Phone", null));

        assertThat(parse(csv).get(1).values()).containsExactly("001A", "#N/A");
    }

    @Test
    void declinesTheRowThatWouldPassTheLimitCountingThePaddingItAddsToEarlierRows() {
        // "Id,Name\n" is 8 bytes and each "001X,N\n" row 7: three rows make 29 bytes.
        BulkCsv csv = new BulkCsv("Id", 30);
        assertThat(csv.add("001A", values("Name", "N"))).isTrue();
        assertThat(csv.add("001B", values("Name", "N"))).isTrue();
        assertThat(csv.add("001C", values("Name", "N"))).isTrue();
        // A new column would add ",W" to the header, one comma to each of the three rows and an 8-byte row: 48 bytes.
        assertThat(csv.add("001D", values("Website", "w"))).isFalse();
        // The declined row left no column behind.
        assertThat(new String(csv.toBytes(), StandardCharsets.UTF_8)).isEqualTo("Id,Name\n001A,N\n001B,N\n001C,N\n");
        assertThat(csv.toBytes()).hasSize(29);
    }

    @Test
    void alwaysTakesTheFirstRowAndIsExactlyAsLargeAsItsCountSays() {
        BulkCsv csv = new BulkCsv("Id", 10);
        assertThat(csv.add("001A", values("Name", "A name longer than the limit"))).isTrue();
        assertThat(csv.add("001B", values("Name", "B"))).isFalse();
        assertThat(csv.rows()).isEqualTo(1);
    }

    @Test
    void growsPastItsFirstBuffersWithoutLosingARow() throws IOException {
        BulkCsv csv = new BulkCsv("Id", 100_000_000);
        for (int i = 0; i < 5_000; i++) {
            csv.add("001" + i, (i % 1000 == 999) ? values("Name", "n" + i, "Extra" + i, "x") : values("Name", "n" + i));
        }

        List<CSVRecord> records = parse(csv);
        assertThat(records).hasSize(5_001);
        assertThat(records.get(0).size()).isEqualTo(7);
        assertThat(records).allSatisfy(record -> assertThat(record.size()).isEqualTo(7));
        assertThat(records.get(5_000).values()).containsExactly("0014999", "n4999", "", "", "", "", "x");
    }

    private static List<CSVRecord> parse(BulkCsv csv) throws IOException {
        return CSVFormat.RFC4180.parse(new StringReader(new String(csv.toBytes(), StandardCharsets.UTF_8)))
            .getRecords();
    }

    private static Map<String, @Nullable Object> values(@Nullable Object... namesAndValues) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return values;
    }

}
