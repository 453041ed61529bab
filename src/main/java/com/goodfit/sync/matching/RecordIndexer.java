package com.goodfit.sync.matching;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import com.goodfit.sync.mapping.JobDefinition;
import com.goodfit.sync.salesforce.BulkJobInfo;
import com.goodfit.sync.salesforce.BulkQueryClient;
import com.goodfit.sync.salesforce.QueryClient;
import com.goodfit.sync.salesforce.SObject;
import com.goodfit.sync.salesforce.SoqlQuery;
import com.goodfit.sync.source.SourceObject;
import org.jspecify.annotations.Nullable;

/**
 * Refreshes a job's index of one object from the org by SOQL: every record's Id, CreatedDate, external id, the
 * normalised match key of its key field and the current values of the mapped fields; either a snapshot of all the
 * object's records or only those that lookups find (see {@link IndexStrategy}).
 */
public final class RecordIndexer {

    // Salesforce datetimes: 2024-05-20T20:49:32.000+0000 (offset without a colon).
    private static final DateTimeFormatter SALESFORCE_DATETIME = DateTimeFormatter
        .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT);

    private final RecordIndexRepository repository;

    public RecordIndexer(RecordIndexRepository repository) {
        this.repository = repository;
    }

    /**
     * @param jobName the job whose index is refreshed
     * @param object accounts or contacts
     * @param query the org's query client
     * @param fields the mapped fields' API names, as the org spells them
     * @param keyField the field whose normalised value is the match key (the first domain target, or Email)
     * @param normaliser turns the key field's value into the match key
     * @return how many records the index now holds
     */
    public long refresh(String jobName, SourceObject object, QueryClient query, List<String> fields, String keyField,
            Function<@Nullable String, Optional<String>> normaliser) {
        Set<String> select = selectList(fields);
        String soql = "SELECT " + String.join(", ", select) + " FROM " + object.salesforceObject();
        try (Stream<SObject> records = query.query(soql)) {
            return this.repository.replace(jobName, object,
                    records.map(record -> toIndexed(record, select, keyField, normaliser)));
        }
    }

    /**
     * Replaces the job's index of one object with only the records some conditions find, one query per condition
     * (a record found twice is kept once).
     * @param jobName the job whose index is refreshed
     * @param object accounts or contacts
     * @param query the org's query client
     * @param fields the mapped fields' API names, as the org spells them
     * @param keyField the field whose normalised value is the match key
     * @param normaliser turns the key field's value into the match key
     * @param conditions WHERE conditions, e.g. {@code Email IN ('a@b.com', ...)}
     * @return how many records the index now holds
     */
    public long lookup(String jobName, SourceObject object, QueryClient query, List<String> fields, String keyField,
            Function<@Nullable String, Optional<String>> normaliser, List<String> conditions) {
        Set<String> select = selectList(fields);
        String base = "SELECT " + String.join(", ", select) + " FROM " + object.salesforceObject() + " WHERE ";
        Set<String> seen = new HashSet<>();
        Stream<IndexedRecord> records = conditions.stream()
            .flatMap(condition -> query.query(base + condition))
            .filter(record -> seen.add(record.getString("Id")))
            .map(record -> toIndexed(record, select, keyField, normaliser));
        return this.repository.replace(jobName, object, records);
    }

    /**
     * Like {@link #refresh}, through one Bulk API 2.0 query job: a handful of calls however large the org, where
     * paged SOQL costs one call per 2,000 records.
     * @param jobName the job whose index is refreshed
     * @param object accounts or contacts
     * @param bulk the org's Bulk query client
     * @param fields the mapped fields' API names, as the org spells them
     * @param keyField the field whose normalised value is the match key
     * @param normaliser turns the key field's value into the match key
     * @return how many records the index now holds
     * @throws IndexQueryFailedException if the query job ends Failed or Aborted
     */
    public long refreshByBulkQuery(String jobName, SourceObject object, BulkQueryClient bulk, List<String> fields,
            String keyField, Function<@Nullable String, Optional<String>> normaliser) {
        Set<String> select = selectList(fields);
        String soql = "SELECT " + String.join(", ", select) + " FROM " + object.salesforceObject();
        BulkJobInfo job = bulk.await(bulk.create(SoqlQuery.of(soql)).id());
        if (!job.complete()) {
            throw new IndexQueryFailedException("Bulk query job %s for the %s index ended %s: %s".formatted(job.id(),
                    object.salesforceObject(), job.state(),
                    (job.errorMessage() != null) ? job.errorMessage() : "Salesforce gave no reason"));
        }
        return this.repository.replace(jobName, object,
                sink -> bulk.results(job.id(), null, row -> sink.accept(toIndexed(row, select, keyField, normaliser))));
    }

    /**
     * @param query the org's query client
     * @param object accounts or contacts
     * @return how many records of the object the org holds ({@code SELECT COUNT()}, one call)
     */
    public static long count(QueryClient query, SourceObject object) {
        return query.count("SELECT COUNT() FROM " + object.salesforceObject());
    }

    private static Set<String> selectList(List<String> fields) {
        Set<String> select = new LinkedHashSet<>(List.of("Id", "CreatedDate", JobDefinition.EXTERNAL_ID_FIELD));
        fields.forEach(field -> {
            if (select.stream().noneMatch(field::equalsIgnoreCase)) {
                select.add(field);
            }
        });
        return select;
    }

    private static IndexedRecord toIndexed(SObject record, Set<String> select, String keyField,
            Function<@Nullable String, Optional<String>> normaliser) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        for (String field : select) {
            if (!field.equals("Id") && !field.equals("CreatedDate")) {
                values.put(field, record.get(field));
            }
        }
        String key = normaliser.apply(record.getString(keyField)).orElse(null);
        return new IndexedRecord(record.getString("Id"), createdDateOf(record), key, values, null);
    }

    /** A Bulk query CSV row: every value is text, and an empty cell is null. */
    private static IndexedRecord toIndexed(Map<String, String> row, Set<String> select, String keyField,
            Function<@Nullable String, Optional<String>> normaliser) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        for (String field : select) {
            if (!field.equals("Id") && !field.equals("CreatedDate")) {
                values.put(field, emptyAsNull(cell(row, field)));
            }
        }
        String key = normaliser.apply(emptyAsNull(cell(row, keyField))).orElse(null);
        return new IndexedRecord(cell(row, "Id"), createdDateOf(emptyAsNull(cell(row, "CreatedDate"))), key, values,
                null);
    }

    private static @Nullable String cell(Map<String, String> row, String field) {
        String exact = row.get(field);
        if (exact != null) {
            return exact;
        }
        return row.entrySet()
            .stream()
            .filter(entry -> entry.getKey().equalsIgnoreCase(field))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(null);
    }

    private static @Nullable String emptyAsNull(@Nullable String value) {
        return (value == null || value.isEmpty()) ? null : value;
    }

    private static Instant createdDateOf(SObject record) {
        return createdDateOf(record.getString("CreatedDate"));
    }

    static Instant createdDateOf(@Nullable String created) {
        if (created == null) {
            return Instant.EPOCH;
        }
        // Bulk query CSV writes 2024-05-20T20:49:32.000Z; told apart by its shape rather than by a failed parse,
        // which cost an exception per record of a Bulk snapshot.
        if (created.endsWith("Z")) {
            return Instant.parse(created);
        }
        return OffsetDateTime.parse(created, SALESFORCE_DATETIME).toInstant();
    }

}
