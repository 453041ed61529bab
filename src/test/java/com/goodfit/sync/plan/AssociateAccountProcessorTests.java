package com.goodfit.sync.plan;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.goodfit.sync.matching.IndexedRecord;
import com.goodfit.sync.source.SourceRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AssociateAccountProcessorTests {

    private final AssociateAccountProcessor processor = new AssociateAccountProcessor();

    @Test
    void createsUnderTheAccountLinkedToTheCompany() {
        PlannedWrite create = write(Operation.CREATE, "001000000000001AAA",
                List.of(new FieldChange("LastName", null, "Doe")));

        PlannedWrite associated = this.processor.process(create);

        assertThat(associated.operation()).isEqualTo(Operation.CREATE);
        assertThat(associated.changes()).containsExactly(new FieldChange("LastName", null, "Doe"),
                new FieldChange("AccountId", null, "001000000000001AAA"));
    }

    @Test
    void skipsACreateWhoseCompanyHasNoAccount() {
        PlannedWrite associated = this.processor.process(write(Operation.CREATE, null, List.of()));

        assertThat(associated.operation()).isEqualTo(Operation.SKIP);
        assertThat(associated.reason()).isEqualTo("ACCOUNT_NOT_SYNCED");
        assertThat(associated.detail()).contains("company 7");
    }

    @Test
    void keepsAnAccountIdTheMappingsAlreadySet() {
        List<FieldChange> changes = List.of(new FieldChange("AccountId", null, "001000000000001AAA"));

        assertThat(this.processor.process(write(Operation.CREATE, "001000000000001AAA", changes)).changes())
            .isEqualTo(changes);
    }

    @Test
    void leavesUpdatesAlone() {
        PlannedWrite update = write(Operation.UPDATE, null, List.of(new FieldChange("Title", "a", "b")));

        assertThat(this.processor.process(update)).isSameAs(update);
    }

    private static PlannedWrite write(Operation operation, String accountId, List<FieldChange> changes) {
        Map<String, Object> values = new HashMap<>();
        values.put("account", accountId);
        SourceRecord source = new SourceRecord(10, 7L, null, values);
        IndexedRecord target = (operation == Operation.UPDATE)
                ? new IndexedRecord("003000000000001AAA", Instant.EPOCH, "a@b.com", Map.of(), null) : null;
        return new PlannedWrite(source, "a@b.com", operation, target, changes, null, null);
    }

}
