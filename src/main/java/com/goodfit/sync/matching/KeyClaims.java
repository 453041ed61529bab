package com.goodfit.sync.matching;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which source record owns each match key in this run. Records are read in ascending id order, so the first to
 * claim a key is the lowest id, which owns it; a restarted step reloads the claims its earlier chunks committed.
 */
public final class KeyClaims {

    private final Map<String, Long> owners = new HashMap<>();

    public void clear() {
        this.owners.clear();
    }

    /**
     * Claims a key for a source record.
     * @param key the match key
     * @param sourceId the claiming record
     * @return the id of another record that already owns the key, or empty when this record owns it now
     */
    public Optional<Long> claim(String key, long sourceId) {
        Long owner = this.owners.putIfAbsent(key, sourceId);
        return (owner == null || owner == sourceId) ? Optional.empty() : Optional.of(owner);
    }

}
