package com.goodfit.sync.matching;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
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
import com.goodfit.sync.salesforce.QueryClient;
import com.goodfit.sync.salesforce.SObject;
import com.goodfit.sync.source.SourceObject;
import org.jspecify.annotations.Nullable;

/**
 * Refreshes a job's index of one object from the org by paged SOQL: every record's Id, CreatedDate, external id,
 * the normalised match key of its key field and the current values of the mapped fields.
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
        Set<String> select = new LinkedHashSet<>(List.of("Id", "CreatedDate", JobDefinition.EXTERNAL_ID_FIELD));
        fields.forEach(field -> {
            if (select.stream().noneMatch(field::equalsIgnoreCase)) {
                select.add(field);
            }
        });
        String soql = "SELECT " + String.join(", ", select) + " FROM " + object.salesforceObject();
        try (Stream<SObject> records = query.query(soql)) {
            return this.repository.replace(jobName, object,
                    records.map(record -> toIndexed(record, select, keyField, normaliser)));
        }
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

    private static Instant createdDateOf(SObject record) {
        String created = record.getString("CreatedDate");
        if (created == null) {
            return Instant.EPOCH;
        }
        return OffsetDateTime.parse(created, SALESFORCE_DATETIME).toInstant();
    }

}
