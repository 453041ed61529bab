package com.goodfit.sync.mapping;

/**
 * One Salesforce field a source field is written to, with how it is written.
 *
 * @param field the Salesforce field's API name
 * @param strategy when an existing value is overwritten
 * @param clearWhenEmpty whether a null source value blanks the Salesforce field
 * @param truncate whether a value longer than the field is cut to fit (else the record is skipped)
 * @param line the line of the job definition that declares this target, for messages
 */
public record TargetField(String field, UpdateStrategy strategy, boolean clearWhenEmpty, boolean truncate, int line) {

}
