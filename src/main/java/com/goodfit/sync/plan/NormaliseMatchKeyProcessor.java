package com.goodfit.sync.plan;

import java.util.Optional;
import java.util.function.Function;

import com.goodfit.sync.source.SourceRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Normalises a source record's match key field: the website to its root domain for companies, the email for
 * contacts. Never filters.
 */
public final class NormaliseMatchKeyProcessor implements ItemProcessor<SourceRecord, KeyedRecord> {

    private final String keyField;

    private final Function<@Nullable String, Optional<String>> normaliser;

    /**
     * @param keyField the source field holding the raw key ({@code domain} or {@code email})
     * @param normaliser turns a raw value into its match key, or empty when it has none
     */
    public NormaliseMatchKeyProcessor(String keyField, Function<@Nullable String, Optional<String>> normaliser) {
        this.keyField = keyField;
        this.normaliser = normaliser;
    }

    @Override
    public KeyedRecord process(SourceRecord record) {
        Object raw = record.value(this.keyField);
        String rawKey = (raw != null) ? raw.toString() : null;
        return new KeyedRecord(record, this.normaliser.apply(rawKey).orElse(null), rawKey);
    }

}
