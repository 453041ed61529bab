package com.goodfit.sync.jobs;

import com.goodfit.sync.mapping.ApiChoice;
import com.goodfit.sync.mapping.ApplySettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

class IndexApiTests {

    @Test
    void autoUsesABulkQueryFromTheThresholdOn() {
        ApplySettings settings = new ApplySettings(ApiChoice.AUTO, 10_000, 4, null, 0);

        assertThat(IndexApi.choose(settings, () -> 10_000)).isEqualTo(
                new IndexApi(true, "index by Bulk query: 10,000 records in the org >= bulk-threshold 10,000"));
        assertThat(IndexApi.choose(settings, () -> 9_999)).isEqualTo(
                new IndexApi(false, "index by SOQL: 9,999 records in the org < bulk-threshold 10,000"));
    }

    @Test
    void aForcedApiNeedsNoCount() {
        assertThat(IndexApi.choose(new ApplySettings(ApiChoice.BULK, 10, 4, null, 0), () -> fail("counted")).bulk())
            .isTrue();
        assertThat(IndexApi.choose(new ApplySettings(ApiChoice.COLLECTIONS, 10, 4, null, 0), () -> fail("counted"))
            .bulk()).isFalse();
    }

}
