package com.goodfit.sync.plan;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.goodfit.sync.domain.EmailNormaliser;
import com.goodfit.sync.mapping.FieldMapping;
import com.goodfit.sync.mapping.TargetField;
import com.goodfit.sync.mapping.UpdateStrategy;
import com.goodfit.sync.matching.IndexedRecord;
import com.goodfit.sync.matching.KeyClaims;
import com.goodfit.sync.matching.MatchReasons;
import com.goodfit.sync.matching.MatchResolver;
import com.goodfit.sync.matching.RecordIndex;
import com.goodfit.sync.source.SourceRecord;
import org.junit.jupiter.api.Test;

import org.springframework.batch.infrastructure.item.support.CompositeItemProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contact processor chain, composed in the order the plan step composes it: matching by email, the mode, the
 * strategies, the Account association and pre-validation.
 */
class ContactPlanChainTests {

    private static final List<FieldMapping> MAPPINGS = List.of(
            new FieldMapping("email", List.of(new TargetField("Email", UpdateStrategy.OVERRIDE, false, false, 1)), 1),
            new FieldMapping("last_name",
                    List.of(new TargetField("LastName", UpdateStrategy.OVERRIDE, false, false, 2)), 2));

    private final RecordIndex index = new RecordIndex();

    private final KeyClaims claims = new KeyClaims();

    private CompositeItemProcessor<SourceRecord, PlannedWrite> chain(boolean mayCreate) {
        EmailNormaliser emails = new EmailNormaliser();
        return new CompositeItemProcessor<>(List.of(new NormaliseMatchKeyProcessor("email", emails::normalise),
                new ResolveMatchProcessor(new MatchResolver(this.index, this.claims, MatchReasons.CONTACTS)),
                new ApplySyncModeProcessor(mayCreate, "Contact"),
                new ApplyFieldStrategiesProcessor(MAPPINGS, Map.of("Email", ValueKind.EMAIL), ExternalIds.CONTACTS),
                new AssociateAccountProcessor(),
                new PreValidateProcessor(Map.of("LastName", new FieldRule("LastName", 80, Set.of(), false)),
                        Set.of("LastName")),
                new DropNoOpsProcessor()));
    }

    @Test
    void createsANewContactUnderItsCompanysAccount() throws Exception {
        PlannedWrite write = chain(true).process(contact(10, " Jane@Acme.com ", "Doe", "001ACME"));

        assertThat(write.operation()).isEqualTo(Operation.CREATE);
        assertThat(write.matchKey()).isEqualTo("jane@acme.com");
        assertThat(write.changes()).containsExactly(new FieldChange("Email", null, "Jane@Acme.com"),
                new FieldChange("LastName", null, "Doe"), new FieldChange("AccountId", null, "001ACME"));
    }

    @Test
    void anEmailInAnotherCaseMatchesAndIsNoChange() throws Exception {
        Map<String, Object> values = new HashMap<>();
        values.put("Email", "JANE@acme.com");
        values.put("LastName", "Doe");
        values.put("GoodFit_ID__c", "contact-10");
        this.index.add(new IndexedRecord("003A", Instant.EPOCH, "jane@acme.com", values, null));

        PlannedWrite write = chain(true).process(contact(10, "jane@ACME.com", "Doe", null));

        assertThat(write.operation()).isEqualTo(Operation.UNCHANGED);
        assertThat(write.sfId()).isEqualTo("003A");
    }

    @Test
    void skipsWithTheReasonMatchingOrTheAccountGives() throws Exception {
        CompositeItemProcessor<SourceRecord, PlannedWrite> chain = chain(true);

        assertThat(chain.process(contact(10, "not-an-email", "Doe", "001ACME")).reason()).isEqualTo("INVALID_EMAIL");
        assertThat(chain.process(contact(11, "bob@acme.com", "Builder", null)).reason())
            .isEqualTo("ACCOUNT_NOT_SYNCED");
        assertThat(chain.process(contact(12, "BOB@acme.com", "Twin", "001ACME")).reason())
            .isEqualTo("DUPLICATE_SOURCE_EMAIL");
        assertThat(chain.process(contact(13, "ann@acme.com", null, "001ACME")).reason())
            .isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(chain(false).process(contact(14, "eve@acme.com", "Eve", "001ACME")).reason())
            .isEqualTo("UPDATE_ONLY_NO_MATCH");
    }

    private static SourceRecord contact(long id, String email, String lastName, String account) {
        Map<String, Object> values = new HashMap<>();
        values.put("email", email);
        values.put("last_name", lastName);
        values.put("account", account);
        return new SourceRecord(id, 1L, null, values);
    }

}
