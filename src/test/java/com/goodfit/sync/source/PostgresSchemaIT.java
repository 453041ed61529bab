package com.goodfit.sync.source;

import com.goodfit.sync.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresIntegrationTest
class PostgresSchemaIT extends SchemaContract {

    @Override
    String jsonParameter() {
        return "CAST(? AS JSON)";
    }

    @Test
    void leavesRoomOnEachPlanPageForTheOutcomeUpdate() {
        assertThat(this.jdbc.queryForObject("SELECT array_to_string(reloptions, ',') FROM pg_class "
                + "WHERE relname = 'sync_plan'", String.class)).isEqualTo("fillfactor=50");
    }

    @Test
    void keepsOnlyThePrimaryKeysOnTheIndexAndLinkTables() {
        assertThat(this.jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE tablename IN "
                + "('sf_record_index', 'sf_link') ORDER BY indexname", String.class))
            .containsExactly("sf_link_pkey", "sf_record_index_pkey");
    }

}
