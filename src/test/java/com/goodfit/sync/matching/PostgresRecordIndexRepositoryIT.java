package com.goodfit.sync.matching;

import com.goodfit.sync.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class PostgresRecordIndexRepositoryIT extends RecordIndexRepositoryContract {

}
