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
    void leavesRoomOnEachPageOfTheUpdatedTables() {
        assertThat(this.jdbc.queryForList("SELECT relname || ':' || COALESCE(array_to_string(reloptions, ','), '') FROM pg_class "
                + "WHERE relname IN ('sync_plan', 'sf_record_index', 'sf_link') AND relkind = 'r' ORDER BY relname",
                String.class)).containsExactly("sf_link:", "sf_record_index:fillfactor=50", "sync_plan:fillfactor=50");
    }

    @Test
    void keepsOnlyThePrimaryKeysOnTheIndexAndLinkTables() {
        assertThat(this.jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE tablename IN "
                + "('sf_record_index', 'sf_link') ORDER BY indexname", String.class))
            .containsExactly("sf_link_pkey", "sf_record_index_pkey");
    }

}
