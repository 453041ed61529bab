package com.goodfit.sync.salesforce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;

/**
 * sObject Collections create, update and upsert by external Id, always with {@code allOrNone=false}. Inputs larger
 * than the batch size (at most 200) are split into several calls; the results come back matched to the inputs by
 * position. A rejected record is a {@link SaveResult} with {@code success=false}, never an exception; only a
 * rejected request throws. Thread-safe.
 */
public final class CollectionsClient {

    private final SalesforceTransport transport;

    private final int batchSize;

    CollectionsClient(SalesforceTransport transport, int batchSize) {
        Assert.isTrue(batchSize >= 1 && batchSize <= 200, "batchSize must be 1..200");
        this.transport = transport;
        this.batchSize = batchSize;
    }

    /**
     * Inserts records ({@code POST /composite/sobjects}); their {@code id} is ignored.
     * @param records records of any types
     * @return one result per record, in input order
     */
    public List<SaveResult> create(List<SObject> records) {
        return inBatches(records, HttpMethod.POST, "/composite/sobjects", false, true);
    }

    /**
     * Updates records by Id ({@code PATCH /composite/sobjects}).
     * @param records records that each have an {@code id}
     * @return one result per record, in input order
     */
    public List<SaveResult> update(List<SObject> records) {
        records.forEach((record) -> Assert.hasText(record.id(), "every record to update needs an id"));
        return inBatches(records, HttpMethod.PATCH, "/composite/sobjects", true, false);
    }

    /**
     * Inserts or updates records matched on an external-Id field
     * ({@code PATCH /composite/sobjects/{type}/{field}}).
     * @param sobject the type all records have
     * @param externalIdField the external-Id field, whose value every record carries
     * @param records the records
     * @return one result per record, in input order, {@code created} telling insert from update
     */
    public List<SaveResult> upsert(String sobject, String externalIdField, List<SObject> records) {
        for (SObject record : records) {
            Assert.isTrue(record.type().equals(sobject),
                    () -> "upsert of %s got a %s".formatted(sobject, record.type()));
            Assert.isTrue(record.get(externalIdField) != null,
                    () -> "every record to upsert needs a value in " + externalIdField);
        }
        return inBatches(records, HttpMethod.PATCH, "/composite/sobjects/" + sobject + "/" + externalIdField, false,
                false);
    }

    private List<SaveResult> inBatches(List<SObject> records, HttpMethod method, String path, boolean withId,
            boolean create) {
        List<SaveResult> results = new ArrayList<>(records.size());
        for (int from = 0; from < records.size(); from += this.batchSize) {
            List<SObject> batch = records.subList(from, Math.min(records.size(), from + this.batchSize));
            results.addAll(send(batch, method, path, withId, create));
        }
        return results;
    }

    private List<SaveResult> send(List<SObject> batch, HttpMethod method, String path, boolean withId,
            boolean create) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("allOrNone", false);
        body.put("records", batch.stream().map((record) -> json(record, withId)).toList());
        // A create repeated after a lost answer would create the records twice; update and upsert are idempotent.
        JsonNode response = (create ? this.transport.callOnce(() -> write(method, path, body))
                : this.transport.call(() -> write(method, path, body)));
        if (response == null || !response.isArray() || response.size() != batch.size()) {
            // Results are matched by position: a count mismatch would attach outcomes to the wrong records.
            throw new SalesforceRequestException("%s %s returned %s results for %d records".formatted(method, path,
                    (response != null && response.isArray()) ? response.size() : "no", batch.size()), 200, null,
                    List.of());
        }
        List<SaveResult> results = new ArrayList<>(batch.size());
        for (JsonNode result : response.values()) {
            results.add(SaveResult.from(result, create));
        }
        return results;
    }

    private @Nullable JsonNode write(HttpMethod method, String path, Map<String, Object> body) {
        return this.transport.rest()
            .method(method)
            .uri(this.transport.data(path))
            .contentType(MediaType.APPLICATION_JSON)
            .body(body)
            .retrieve()
            .body(JsonNode.class);
    }

    private static Map<String, @Nullable Object> json(SObject record, boolean withId) {
        Map<String, @Nullable Object> json = new LinkedHashMap<>();
        json.put("attributes", Map.of("type", record.type()));
        if (withId) {
            json.put("id", record.id());
        }
        record.fields().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Id")) {
                json.put(name, value);
            }
        });
        return json;
    }

}
