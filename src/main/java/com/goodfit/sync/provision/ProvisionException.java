package com.goodfit.sync.provision;

import com.goodfit.sync.admin.ExitCodes;
import com.goodfit.sync.admin.UserFacingException;

/**
 * Provisioning stopped: Salesforce refused a setup change; the message names it and what the user needs.
 */
class ProvisionException extends UserFacingException {

    ProvisionException(String message) {
        super(message, ExitCodes.FAILED, null);
    }

}
