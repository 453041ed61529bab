package com.goodfit.sync.plan;

import java.time.Instant;
import java.util.ArrayList;
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

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.support.CompositeItemProcessor;
import org.springframework.batch.infrastructure.item.support.ListItemWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The plan split as the plan step splits it: matching per record against an index without values, then the
 * decisions per chunk once the writer has loaded the matched records' values.
 */
class DecideChangesItemWriterTests {

    private static final List<FieldMapping> MAPPINGS = List.of(new FieldMapping("last_name",
            List.of(new TargetField("LastName", UpdateStrategy.OVERRIDE, false, false, 1)), 1));

    private final RecordIndex matchingIndex = new RecordIndex();

    /** The stored snapshot with values, as sf_record_index holds it. */
    private final RecordIndex stored = new RecordIndex();

    private final List<List<String>> loads = new ArrayList<>();

    private final ListItemWriter<PlannedWrite> rows = new ListItemWriter<>();

    private final DecideChangesItemWriter writer = new DecideChangesItemWriter(this::load,
            new CompositeItemProcessor<PlannedWrite, PlannedWrite>(List.of(
                    new ApplyFieldStrategiesProcessor(MAPPINGS, Map.of(), ExternalIds.CONTACTS),
                    new PreValidateProcessor(Map.of(), Set.of()), new DropNoOpsProcessor())),
            this.rows);

    private final CompositeItemProcessor<SourceRecord, PlannedWrite> matching = new CompositeItemProcessor<>(
            List.of(new NormaliseMatchKeyProcessor("email", new EmailNormaliser()::normalise),
                    new ResolveMatchProcessor(
                            new MatchResolver(this.matchingIndex, new KeyClaims(), MatchReasons.CONTACTS)),
                    new ApplySyncModeProcessor(true, "Contact")));

    @Test
    void decidesChangesAgainstTheValuesItLoadsOncePerChunk() throws Exception {
        existing("003A", "jane@acme.com", "Doe", "contact-1");
        existing("003B", "bob@acme.com", "Old Name", "contact-2");

        this.writer.write(new Chunk<>(List.of(matching(1, "jane@acme.com", "Doe"),
                matching(2, "BOB@acme.com", "Builder"), matching(3, "new@acme.com", "New"),
                matching(4, "jane@acme.com", "Twin"))));

        assertThat(this.loads).containsExactly(List.of("003A", "003B"));
        assertThat(this.rows.getWrittenItems()).extracting(PlannedWrite::operation)
            .containsExactly(Operation.UNCHANGED, Operation.UPDATE, Operation.CREATE, Operation.SKIP);
        PlannedWrite update = this.rows.getWrittenItems().get(1);
        assertThat(update.changes()).containsExactly(new FieldChange("LastName", "Old Name", "Builder"));
        assertThat(update.target().fieldValues()).containsEntry("LastName", "Old Name");
    }

    @Test
    void aChunkWithoutUpdatesLoadsNothing() throws Exception {
        this.writer.write(new Chunk<>(List.of(matching(1, "new@acme.com", "New"))));

        assertThat(this.loads).isEmpty();
        assertThat(this.rows.getWrittenItems()).extracting(PlannedWrite::operation).containsExactly(Operation.CREATE);
    }

    @Test
    void aMatchedRecordMissingFromTheStoredIndexStopsTheChunk() throws Exception {
        this.matchingIndex.addForMatching("003GONE", Instant.EPOCH, "gone@acme.com");
        PlannedWrite write = matching(1, "gone@acme.com", "Gone");

        assertThatIllegalStateException().isThrownBy(() -> this.writer.write(new Chunk<>(List.of(write))))
            .withMessageContaining("003GONE");
    }

    private void existing(String sfId, String email, String lastName, String externalId) {
        this.matchingIndex.addForMatching(sfId, Instant.EPOCH, email);
        Map<String, Object> values = new HashMap<>();
        values.put("LastName", lastName);
        values.put("GoodFit_ID__c", externalId);
        this.stored.add(new IndexedRecord(sfId, Instant.EPOCH, email, values, null));
    }

    private PlannedWrite matching(long id, String email, String lastName) throws Exception {
        Map<String, Object> values = new HashMap<>();
        values.put("email", email);
        values.put("last_name", lastName);
        return this.matching.process(new SourceRecord(id, 1L, null, values));
    }

    private RecordIndex load(List<String> sfIds) {
        this.loads.add(sfIds);
        RecordIndex found = new RecordIndex();
        sfIds.forEach(sfId -> this.stored.byId(sfId).ifPresent(found::add));
        return found;
    }

}
