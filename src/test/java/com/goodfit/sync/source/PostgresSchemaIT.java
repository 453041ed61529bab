package com.goodfit.sync.source;

import com.goodfit.sync.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class PostgresSchemaIT extends SchemaContract {

    @Override
    String jsonParameter() {
        return "CAST(? AS JSON)";
    }

}
