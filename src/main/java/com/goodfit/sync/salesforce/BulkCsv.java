package com.goodfit.sync.salesforce;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads Bulk API 2.0 CSV bodies (header row first, comma, RFC 4180 quoting) row by row, without holding the file.
 */
final class BulkCsv {

    static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private static final CSVFormat READ = CSVFormat.RFC4180.builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get();

    private BulkCsv() {
    }

    /**
     * Streams rows to a consumer. Each row is a new map, the consumer's to change or keep.
     * @return the number of rows read
     * @throws UncheckedIOException if the body breaks off
     */
    static long read(InputStream body, Consumer<Map<String, String>> rows) {
        try (Reader reader = new InputStreamReader(body, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, READ)) {
            long count = 0;
            for (CSVRecord record : parser) {
                rows.accept(record.toMap());
                count++;
            }
            return count;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
