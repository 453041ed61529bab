package com.goodfit.sync.apply;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.jspecify.annotations.Nullable;

/**
 * One Bulk API 2.0 job's CSV, written in a single pass over its rows: the key column first, then every field the
 * rows change, in the order they first appear. A column first seen after some rows were written is an empty cell in
 * those rows (an empty cell leaves a field as it is), padded on at the end, so the rows are read from the database
 * once rather than once for the header and again for the values. The whole CSV, padding included, stays within the
 * upload size limit; the first row is always taken.
 */
final class BulkCsv {

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private static final int PAGE_BYTES = 256 * 1024;

    private final long maxBytes;

    private final List<String> header = new ArrayList<>();

    /** Column index by field name; Salesforce field names are case-insensitive. */
    private final Map<String, Integer> columns = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    private int headerBytes;

    /**
     * The rows' lines, without their line ends or padding, one after another in pages; a line that does not fit in
     * the last page starts the next. One buffer doubling to a job's size took arrays of the size the garbage collector
     * treats as humongous, each of which started a concurrent collection cycle.
     */
    private final List<byte[]> pages = new ArrayList<>();

    /** Bytes used of the last page. */
    private int lastPageBytes;

    private int bodyBytes;

    /** Each row's line length, and how many cells it has. */
    private int[] lineLengths = new int[1024];

    private int[] lineCells = new int[1024];

    private int rows;

    /** The sum of every row's cell count, from which the padding follows. */
    private long cellsWritten;

    /**
     * @param keyColumn the first column: the external id field (creates) or {@code Id} (updates)
     * @param maxBytes the largest the CSV may be
     */
    BulkCsv(String keyColumn, long maxBytes) {
        this.maxBytes = maxBytes;
        addColumn(keyColumn);
        this.headerBytes = encode(this.header).length;
    }

    /**
     * Takes a row, unless it would make the CSV larger than the limit.
     * @param key the key cell
     * @param values the row's fields and values (a field named like the key column is left out)
     * @return whether the row was taken
     */
    boolean add(String key, Map<String, @Nullable Object> values) {
        List<String> newColumns = new ArrayList<>(0);
        for (String field : values.keySet()) {
            if (!this.columns.containsKey(field) && newColumns.stream().noneMatch(field::equalsIgnoreCase)) {
                newColumns.add(field);
            }
        }
        int width = this.header.size() + newColumns.size();
        String[] cells = new String[width];
        Arrays.fill(cells, "");
        cells[0] = key;
        for (Map.Entry<String, @Nullable Object> value : values.entrySet()) {
            Integer column = this.columns.get(value.getKey());
            int index = (column != null) ? column
                    : this.header.size() + indexIgnoringCase(newColumns, value.getKey());
            if (index != 0) {
                cells[index] = BulkCells.cell(value.getValue());
            }
        }
        byte[] line = encode(Arrays.asList(cells));
        int headerBytes = this.headerBytes;
        if (!newColumns.isEmpty()) {
            List<String> header = new ArrayList<>(this.header);
            header.addAll(newColumns);
            headerBytes = encode(header).length;
        }
        long size = headerBytes + 1 + this.bodyBytes + this.rows + line.length + 1
                + (long) width * this.rows - this.cellsWritten;
        if (this.rows > 0 && size > this.maxBytes) {
            return false;
        }
        newColumns.forEach(this::addColumn);
        this.headerBytes = headerBytes;
        append(line, width);
        return true;
    }

    int rows() {
        return this.rows;
    }

    /** @return the CSV: header, then each row padded to the header's width */
    byte[] toBytes() {
        int width = this.header.size();
        long size = this.headerBytes + 1 + this.bodyBytes + this.rows + (long) width * this.rows - this.cellsWritten;
        byte[] csv = new byte[Math.toIntExact(size)];
        byte[] header = encode(this.header);
        System.arraycopy(header, 0, csv, 0, header.length);
        int at = header.length;
        csv[at++] = '\n';
        int page = 0;
        int offset = 0;
        for (int row = 0; row < this.rows; row++) {
            int length = this.lineLengths[row];
            // As when it was appended: a line that did not fit in its page's room started the next page.
            if (offset + length > this.pages.get(page).length) {
                page++;
                offset = 0;
            }
            System.arraycopy(this.pages.get(page), offset, csv, at, length);
            offset += length;
            at += length;
            for (int missing = width - this.lineCells[row]; missing > 0; missing--) {
                csv[at++] = ',';
            }
            csv[at++] = '\n';
        }
        return csv;
    }

    private void addColumn(String field) {
        this.columns.put(field, this.header.size());
        this.header.add(field);
    }

    private void append(byte[] line, int cells) {
        if (this.pages.isEmpty()
                || this.lastPageBytes + line.length > this.pages.get(this.pages.size() - 1).length) {
            this.pages.add(new byte[Math.max(PAGE_BYTES, line.length)]);
            this.lastPageBytes = 0;
        }
        System.arraycopy(line, 0, this.pages.get(this.pages.size() - 1), this.lastPageBytes, line.length);
        this.lastPageBytes += line.length;
        this.bodyBytes += line.length;
        if (this.rows == this.lineLengths.length) {
            this.lineLengths = Arrays.copyOf(this.lineLengths, this.rows * 2);
            this.lineCells = Arrays.copyOf(this.lineCells, this.rows * 2);
        }
        this.lineLengths[this.rows] = line.length;
        this.lineCells[this.rows] = cells;
        this.cellsWritten += cells;
        this.rows++;
    }

    private static int indexIgnoringCase(List<String> names, String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static byte[] encode(List<String> cells) {
        return CSV.format(cells.toArray()).getBytes(StandardCharsets.UTF_8);
    }

}
