package com.goodfit.sync.apply;

import com.goodfit.sync.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class PostgresOutcomeRecorderIT extends OutcomeRecorderContract {

}
