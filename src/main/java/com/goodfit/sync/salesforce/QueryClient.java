package com.goodfit.sync.salesforce;

import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SOQL {@code query} and {@code queryAll} over REST, following {@code nextRecordsUrl} one page at a time: only the
 * page being read is held in memory. Every value placed in a statement must go through {@link SoqlLiteral}.
 * Thread-safe; each returned stream is for one thread.
 */
public final class QueryClient {

    private final SalesforceTransport transport;

    QueryClient(SalesforceTransport transport) {
        this.transport = transport;
    }

    /**
     * Live records matching a statement, fetched page by page as the stream is consumed.
     * @param soql the statement
     * @return a lazy, sequential stream
     */
    public Stream<SObject> query(String soql) {
        return records(SoqlQuery.of(soql));
    }

    /**
     * Like {@link #query(String)}, including soft-deleted and archived records ({@code queryAll}).
     * @param soql the statement
     * @return a lazy, sequential stream
     */
    public Stream<SObject> queryAll(String soql) {
        return records(SoqlQuery.of(soql).includingDeleted());
    }

    /**
     * The records of a query, fetched page by page as the stream is consumed.
     * @param query the query
     * @return a lazy, sequential stream
     */
    public Stream<SObject> records(SoqlQuery query) {
        return pages(query).flatMap((page) -> page.records().stream());
    }

    /**
     * The pages of a query; the first is fetched when the stream's first element is requested.
     * @param query the query
     * @return a lazy, sequential stream of pages
     */
    public Stream<QueryPage> pages(SoqlQuery query) {
        Iterator<QueryPage> iterator = new PageIterator(query);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false);
    }

    /**
     * Runs a {@code SELECT COUNT() FROM ...} statement.
     * @param soql the statement
     * @return the count ({@code totalSize})
     */
    public long count(String soql) {
        return fetch(SoqlQuery.of(soql), null).totalSize();
    }

    private QueryPage fetch(SoqlQuery query, @Nullable String nextRecordsUrl) {
        JsonNode body = this.transport.call(() -> {
            URI uri = (nextRecordsUrl != null) ? this.transport.instancePath(nextRecordsUrl)
                    : this.transport.data(query.includeDeleted() ? "/queryAll?q={q}" : "/query?q={q}", query.soql());
            return this.transport.rest().get().uri(uri).headers((headers) -> {
                if (query.batchSize() != null) {
                    headers.set("Sforce-Query-Options", "batchSize=" + query.batchSize());
                }
            }).retrieve().body(JsonNode.class);
        });
        return page(body);
    }

    static QueryPage page(@Nullable JsonNode body) {
        if (body == null || !body.has("records")) {
            throw new SalesforceRequestException("Query response has no records", 200, null, List.of());
        }
        List<SObject> records = new ArrayList<>();
        for (JsonNode record : body.path("records").values()) {
            records.add(toSObject(record));
        }
        return new QueryPage(body.path("totalSize").asLong(), body.path("done").asBoolean(true),
                ApiError.text(body, "nextRecordsUrl"), records);
    }

    static SObject toSObject(JsonNode record) {
        String type = record.path("attributes").path("type").asString("");
        String id = ApiError.text(record, "Id");
        return new SObject(type.isEmpty() ? "Unknown" : type, id, fields(record));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, @Nullable Object> fields(JsonNode record) {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : record.properties()) {
            if (property.getKey().equals("attributes")) {
                continue;
            }
            JsonNode value = property.getValue();
            fields.put(property.getKey(), (value.isObject() && value.has("attributes")) ? fields(value)
                    : JsonMapper.shared().treeToValue(value, Object.class));
        }
        return fields;
    }

    private final class PageIterator implements Iterator<QueryPage> {

        private final SoqlQuery query;

        private @Nullable QueryPage last;

        PageIterator(SoqlQuery query) {
            this.query = query;
        }

        @Override
        public boolean hasNext() {
            return this.last == null || (!this.last.done() && this.last.nextRecordsUrl() != null);
        }

        @Override
        public QueryPage next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            this.last = fetch(this.query, (this.last != null) ? this.last.nextRecordsUrl() : null);
            return this.last;
        }

    }

}
