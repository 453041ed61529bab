package com.goodfit.sync.apply;

import com.goodfit.sync.support.EmbeddedIntegrationTest;

@EmbeddedIntegrationTest
class EmbeddedOutcomeRecorderIT extends OutcomeRecorderContract {

}
