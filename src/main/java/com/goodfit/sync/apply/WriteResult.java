package com.goodfit.sync.apply;

import com.goodfit.sync.salesforce.SaveResult;

/**
 * What Salesforce answered for one pending write.
 *
 * @param write the write that was sent
 * @param result Salesforce's result for it
 */
public record WriteResult(PendingWrite write, SaveResult result) {

}
