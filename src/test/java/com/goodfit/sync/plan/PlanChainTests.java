package com.goodfit.sync.plan;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
 * The whole account processor chain, composed as the plan step composes it ({@code CompositeItemProcessor} does not
 * type-check its delegates, so this is the test that does).
 */
class PlanChainTests {

    private static final List<FieldMapping> MAPPINGS = List.of(
            new FieldMapping("name", List.of(new TargetField("Name", UpdateStrategy.UPDATE_IF_EMPTY, false, false, 1)),
                    1),
            new FieldMapping("domain",
                    List.of(new TargetField("Website", UpdateStrategy.UPDATE_IF_EMPTY, false, false, 2)), 2),
            new FieldMapping("employees",
                    List.of(new TargetField("NumberOfEmployees", UpdateStrategy.OVERRIDE, false, false, 3)), 3));

    private final RecordIndex index = new RecordIndex();

    private CompositeItemProcessor<SourceRecord, PlannedWrite> chain(boolean mayCreate) {
        return new CompositeItemProcessor<>(List.of(
                new NormaliseMatchKeyProcessor("domain",
                        raw -> Optional.ofNullable(raw).map(r -> r.replace("https://www.", "").toLowerCase(Locale.ROOT))
                            .filter(r -> r.contains("."))),
                new ResolveMatchProcessor(new MatchResolver(this.index, new KeyClaims(), MatchReasons.ACCOUNTS)),
                new ApplySyncModeProcessor(mayCreate, "Account"),
                new ApplyFieldStrategiesProcessor(MAPPINGS, Map.of("NumberOfEmployees", ValueKind.NUMBER),
                        ExternalIds.ACCOUNTS),
                new DropNoOpsProcessor()));
    }

    @Test
    void createsANewCompanyWithEveryNonEmptyValueButNoExternalIdChange() throws Exception {
        PlannedWrite write = chain(true).process(company(1, "Acme", "https://www.acme.com", 50));

        assertThat(write.operation()).isEqualTo(Operation.CREATE);
        assertThat(write.matchKey()).isEqualTo("acme.com");
        assertThat(write.changes()).extracting(FieldChange::field)
            .containsExactly("Name", "Website", "NumberOfEmployees");
    }

    @Test
    void updatesOnlyWhatTheStrategiesAllowAndSetsTheExternalId() throws Exception {
        this.index.add(account("001A", "acme.com", "Acme Corp", "acme.com", 10.0, null));

        PlannedWrite write = chain(true).process(company(1, "Acme", "https://www.acme.com", 50));

        assertThat(write.operation()).isEqualTo(Operation.UPDATE);
        assertThat(write.sfId()).isEqualTo("001A");
        assertThat(write.changes()).containsExactly(new FieldChange("NumberOfEmployees", 10.0, java.math.BigDecimal.valueOf(50)),
                new FieldChange("GoodFit_ID__c", null, "company-1"));
    }

    @Test
    void aMatchedRecordThatAlreadyHoldsEverythingIsUnchanged() throws Exception {
        this.index.add(account("001A", "acme.com", "Acme Corp", "acme.com", 50.0, "company-1"));

        PlannedWrite write = chain(true).process(company(1, "Acme", "https://www.acme.com", 50));

        assertThat(write.operation()).isEqualTo(Operation.UNCHANGED);
        assertThat(write.changes()).isEmpty();
    }

    @Test
    void updateOnlySkipsANewCompanyWithItsReason() throws Exception {
        PlannedWrite write = chain(false).process(company(1, "Acme", "https://www.acme.com", 50));

        assertThat(write.operation()).isEqualTo(Operation.SKIP);
        assertThat(write.reason()).isEqualTo(ApplySyncModeProcessor.UPDATE_ONLY_NO_MATCH);
    }

    @Test
    void anInvalidDomainIsSkippedNotFiltered() throws Exception {
        PlannedWrite write = chain(true).process(company(1, "Nowhere", "n/a", 5));

        assertThat(write).isNotNull();
        assertThat(write.operation()).isEqualTo(Operation.SKIP);
        assertThat(write.reason()).isEqualTo("INVALID_DOMAIN");
    }

    @Test
    void anAmbiguousMatchUpdatesTheOldestAndCarriesTheWarning() throws Exception {
        this.index.add(new IndexedRecord("001NEW", Instant.parse("2023-01-01T00:00:00Z"), "acme.com", Map.of(), null));
        this.index.add(new IndexedRecord("001OLD", Instant.parse("2001-01-01T00:00:00Z"), "acme.com", Map.of(), null));

        PlannedWrite write = chain(true).process(company(1, "Acme", "acme.com", 50));

        assertThat(write.operation()).isEqualTo(Operation.UPDATE);
        assertThat(write.sfId()).isEqualTo("001OLD");
        assertThat(write.reason()).isEqualTo(ResolveMatchProcessor.AMBIGUOUS_MATCH);
        assertThat(write.detail()).contains("001OLD", "001NEW");
    }

    private static SourceRecord company(long id, String name, String domain, int employees) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", name);
        values.put("domain", domain);
        values.put("employees", employees);
        return new SourceRecord(id, null, null, values);
    }

    private static IndexedRecord account(String id, String key, String name, String website, Double employees,
            String externalId) {
        Map<String, Object> values = new HashMap<>();
        values.put("Name", name);
        values.put("Website", website);
        values.put("NumberOfEmployees", employees);
        values.put("GoodFit_ID__c", externalId);
        return new IndexedRecord(id, Instant.parse("2020-01-01T00:00:00Z"), key, values, null);
    }

}
