package com.goodfit.sync.provision;

import java.util.ArrayList;
import java.util.List;

import com.goodfit.sync.salesforce.CustomFieldSpec;
import com.goodfit.sync.salesforce.SalesforceClients;
import com.goodfit.sync.salesforce.SalesforceRequestException;

/**
 * Creates the planned custom fields through the Tooling API, one call each. A field that turns out to exist
 * ({@code DUPLICATE_DEVELOPER_NAME}, e.g. created meanwhile) counts as present; any other refusal is recorded for that
 * field and the others go on.
 */
final class FieldProvisioner {

    private final SalesforceClients clients;

    FieldProvisioner(SalesforceClients clients) {
        this.clients = clients;
    }

    Outcome create(List<PlannedField.Create> fields) {
        List<String> created = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (PlannedField.Create field : fields) {
            try {
                this.clients.tooling().createCustomField(new CustomFieldSpec(field.fullName(), field.metadata()));
                created.add(field.fullName());
            }
            catch (SalesforceRequestException ex) {
                if ("DUPLICATE_DEVELOPER_NAME".equals(ex.errorCode())) {
                    created.add(field.fullName());
                }
                else {
                    failed.add(field.fullName() + ": " + ex.getMessage());
                }
            }
        }
        return new Outcome(created, failed);
    }

    /**
     * @param present fields now in the org, as {@code Object.Field__c}
     * @param failed fields Salesforce refused, each with its reason
     */
    record Outcome(List<String> present, List<String> failed) {
    }

}
