package com.goodfit.sync.matching;

import com.goodfit.sync.support.EmbeddedIntegrationTest;

@EmbeddedIntegrationTest
class EmbeddedRecordIndexRepositoryIT extends RecordIndexRepositoryContract {

}
