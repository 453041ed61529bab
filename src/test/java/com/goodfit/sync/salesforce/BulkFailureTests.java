package com.goodfit.sync.salesforce;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BulkFailureTests {

    @Test
    void parsesCodeMessageAndFields() {
        RecordError error = BulkFailure
            .parseError("REQUIRED_FIELD_MISSING:Required fields are missing: [LastName]:LastName --");
        assertThat(error.statusCode()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(error.message()).isEqualTo("Required fields are missing: [LastName]");
        assertThat(error.fields()).containsExactly("LastName");
    }

    @Test
    void parsesErrorWithoutFields() {
        RecordError error = BulkFailure.parseError("INVALID_CROSS_REFERENCE_KEY:invalid cross reference id:--");
        assertThat(error.statusCode()).isEqualTo("INVALID_CROSS_REFERENCE_KEY");
        assertThat(error.message()).isEqualTo("invalid cross reference id");
        assertThat(error.fields()).isEmpty();
    }

    @Test
    void keepsColonsInsideTheMessage() {
        RecordError error = BulkFailure.parseError(
                "UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this record or 1 records: 001XX000003AbcD:--");
        assertThat(error.statusCode()).isEqualTo("UNABLE_TO_LOCK_ROW");
        assertThat(error.message()).isEqualTo("unable to obtain exclusive access to this record or 1 records: 001XX000003AbcD");
        assertThat(error.fields()).isEmpty();
        assertThat(BulkFailure.parseError("REQUIRED_FIELD_MISSING:Required fields are missing: [LastName]").message())
            .isEqualTo("Required fields are missing: [LastName]");
    }

    @Test
    void parsesSeveralFields() {
        assertThat(BulkFailure.parseError("FIELD_CUSTOM_VALIDATION_EXCEPTION:bad:Name, Website --").fields())
            .containsExactly("Name", "Website");
    }

}
