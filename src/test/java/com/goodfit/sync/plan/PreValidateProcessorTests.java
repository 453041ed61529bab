package com.goodfit.sync.plan;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.goodfit.sync.source.SourceRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PreValidateProcessorTests {

    private static final SourceRecord SOURCE = new SourceRecord(1, null, null, Map.of());

    private final PreValidateProcessor processor = new PreValidateProcessor(
            Map.of("Name", new FieldRule("Name", 10, Set.of(), false),
                    "BillingCity", new FieldRule("BillingCity", 5, Set.of(), true),
                    "Rating", new FieldRule("Rating", 0, Set.of("Hot", "Warm"), false)),
            Set.of("Name"));

    @Test
    void skipsACreateWithoutARequiredFieldWithSalesforcesCode() {
        PlannedWrite write = this.processor.process(create(new FieldChange("BillingCity", null, "Rome")));

        assertThat(write.operation()).isEqualTo(Operation.SKIP);
        assertThat(write.reason()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(write.detail()).startsWith("Required fields are missing: [Name]");
    }

    @Test
    void anUpdateNeedNotRepeatRequiredFields() {
        PlannedWrite update = new PlannedWrite(SOURCE, null, Operation.UPDATE, null,
                List.of(new FieldChange("BillingCity", "Oslo", "Rome")), null, null);

        assertThat(this.processor.process(update).operation()).isEqualTo(Operation.UPDATE);
    }

    @Test
    void skipsAnOverLongValueUnlessTheTargetTruncates() {
        PlannedWrite tooLong = this.processor.process(create(new FieldChange("Name", null, "A name far too long")));
        assertThat(tooLong.reason()).isEqualTo("STRING_TOO_LONG");
        assertThat(tooLong.detail()).contains("19 characters (max length=10)");

        PlannedWrite cut = this.processor.process(create(new FieldChange("Name", null, "Acme"),
                new FieldChange("BillingCity", null, "Copenhagen")));
        assertThat(cut.operation()).isEqualTo(Operation.CREATE);
        assertThat(cut.changes()).contains(new FieldChange("BillingCity", null, "Copen"));
        assertThat(cut.reason()).isEqualTo(PreValidateProcessor.TRUNCATED);
        assertThat(cut.detail()).isEqualTo("BillingCity cut from 10 to 5 characters");
    }

    @Test
    void dropsATruncatedChangeThatEqualsTheCurrentValue() {
        PlannedWrite update = new PlannedWrite(SOURCE, null, Operation.UPDATE, null,
                List.of(new FieldChange("BillingCity", "Copen", "Copenhagen")), null, null);

        assertThat(this.processor.process(update).changes()).isEmpty();
    }

    @Test
    void skipsAValueARestrictedPicklistDoesNotAllow() {
        PlannedWrite write = this.processor.process(create(new FieldChange("Name", null, "Acme"),
                new FieldChange("Rating", null, "Lukewarm")));

        assertThat(write.reason()).isEqualTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
        assertThat(write.detail()).isEqualTo("Rating: bad value for restricted picklist field: Lukewarm");
    }

    @Test
    void leavesSkipsAndUnchangedRecordsAlone() {
        PlannedWrite skip = PlannedWrite.skip(SOURCE, null, "INVALID_DOMAIN", "no website");

        assertThat(this.processor.process(skip)).isSameAs(skip);
    }

    private static PlannedWrite create(FieldChange... changes) {
        return new PlannedWrite(SOURCE, "acme.com", Operation.CREATE, null, List.of(changes), null, null);
    }

}
