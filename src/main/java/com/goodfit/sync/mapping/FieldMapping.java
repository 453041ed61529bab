package com.goodfit.sync.mapping;

import java.util.List;

/**
 * A source field and the Salesforce fields it is written to.
 *
 * @param source the key of the source field in {@code field_definitions}
 * @param targets the Salesforce fields, in declaration order (the first target of {@code domain} is the match key)
 * @param line the line of the job definition that declares this mapping
 */
public record FieldMapping(String source, List<TargetField> targets, int line) {

    public FieldMapping {
        targets = List.copyOf(targets);
    }

}
