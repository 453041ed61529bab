package com.goodfit.sync.apply;

import com.goodfit.sync.plan.ExternalIds;
import com.goodfit.sync.source.SourceObject;

/**
 * What an apply step writes.
 *
 * @param object accounts or contacts
 * @param keyField the Salesforce field the match key is read from (the first domain target, or Email)
 * @param externalIds the external id and its value per source record
 */
public record ApplyTarget(SourceObject object, String keyField, ExternalIds externalIds) {

}
