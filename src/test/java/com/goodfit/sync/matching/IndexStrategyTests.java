package com.goodfit.sync.matching;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IndexStrategyTests {

    @Test
    void looksUpWhenTheRunsContactsAreFewAgainstABigOrg() {
        IndexStrategy strategy = IndexStrategy.choose(150_000, 300, 100);

        assertThat(strategy.kind()).isEqualTo(IndexStrategy.Kind.LOOKUP);
        assertThat(strategy.snapshotCalls()).isEqualTo(75);
        assertThat(strategy.lookupCalls()).isEqualTo(2 + 1);
        assertThat(strategy.describe()).startsWith("lookup: 150,000 records in the org (snapshot: 75 calls)");
    }

    @Test
    void takesASnapshotWhenLookupsWouldCostAsMuchOrMore() {
        assertThat(IndexStrategy.choose(150_000, 300_000, 0).kind()).isEqualTo(IndexStrategy.Kind.SNAPSHOT);
        assertThat(IndexStrategy.choose(2_000, 200, 0).kind()).as("one page against one lookup")
            .isEqualTo(IndexStrategy.Kind.SNAPSHOT);
        assertThat(IndexStrategy.choose(4_001, 200, 0).kind()).isEqualTo(IndexStrategy.Kind.LOOKUP);
    }

    @Test
    void anEmptyOrgStillCostsOneSnapshotCall() {
        IndexStrategy strategy = IndexStrategy.choose(0, 0, 0);

        assertThat(strategy.snapshotCalls()).isEqualTo(1);
        assertThat(strategy.lookupCalls()).isZero();
        assertThat(strategy.kind()).isEqualTo(IndexStrategy.Kind.LOOKUP);
    }

}
