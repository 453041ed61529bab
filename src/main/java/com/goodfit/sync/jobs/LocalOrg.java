package com.goodfit.sync.jobs;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.goodfit.sync.salesforce.OAuthGrant;

/**
 * An org running inside this process (the emulator), as the demo and the benchmarks use it: seeded and inspected
 * directly, reached by the sync through its URL like any org.
 */
public interface LocalOrg extends AutoCloseable {

    URI url();

    /** @return credentials the org accepts */
    OAuthGrant grant();

    /**
     * Seeds a record without an API call.
     * @param sobject {@code Account} or {@code Contact}
     * @param fields its values
     * @param createdDate its CreatedDate
     * @return its Id
     */
    String insert(String sobject, Map<String, Object> fields, Instant createdDate);

    /**
     * Seeds records, as fast as the org allows.
     * @param sobject {@code Account} or {@code Contact}
     * @param records their values
     * @return their Ids, in order
     */
    default List<String> insertAll(String sobject, List<Map<String, Object>> records) {
        Instant now = Instant.now();
        return records.stream().map(record -> insert(sobject, record, now)).toList();
    }

    /** @return every live record of the type, as field maps */
    List<Map<String, Object>> all(String sobject);

    long count(String sobject);

    /** @return the API calls the org has served, by endpoint kind */
    Map<String, Long> calls();

    /**
     * Adds latency to every call.
     * @param perCall added to each call
     */
    void latency(Duration perCall);

    @Override
    void close();

}
