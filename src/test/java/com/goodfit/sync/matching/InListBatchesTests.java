package com.goodfit.sync.matching;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InListBatchesTests {

    @Test
    void cutsShortValuesIntoListsOfAtMostTwoHundred() {
        InListBatches batches = new InListBatches("Email");
        for (int i = 0; i < 401; i++) {
            batches.add("a" + i + "@x.com");
        }

        List<String> conditions = batches.conditions();

        assertThat(conditions).hasSize(3);
        assertThat(conditions.get(0)).startsWith("Email IN ('a0@x.com','a1@x.com',");
        assertThat(conditions.get(2)).isEqualTo("Email IN ('a400@x.com')");
    }

    @Test
    void keepsEachListShortEnoughForAQueryUrl() {
        InListBatches batches = new InListBatches("Email");
        for (int i = 0; i < 200; i++) {
            batches.add("very.long.local.part.of.an.address.number." + i + "@a-rather-long-domain-name.example.com");
        }

        List<String> conditions = batches.conditions();

        assertThat(conditions).hasSizeGreaterThan(1)
            .allSatisfy(condition -> assertThat(URLEncoder.encode(condition, StandardCharsets.UTF_8).length())
                .isLessThanOrEqualTo(InListBatches.MAX_ENCODED_LENGTH + 100));
    }

    @Test
    void escapesQuotesInValues() {
        InListBatches batches = new InListBatches("Email");
        batches.add("o'brien@x.com");

        assertThat(batches.conditions()).containsExactly("Email IN ('o\\'brien@x.com')");
    }

    @Test
    void givesNoConditionForNoValues() {
        assertThat(new InListBatches("Id").conditions()).isEmpty();
    }

}
