package com.goodfit.sync.connect;

import com.goodfit.sync.admin.ExitCodes;
import com.goodfit.sync.admin.UserFacingException;

/**
 * Stored credentials cannot be used: the encryption key is missing or malformed, or it is not the key they were
 * stored with (or the stored value was altered). Never carries a secret.
 */
public class CredentialsException extends UserFacingException {

    public CredentialsException(String message) {
        super(message, ExitCodes.USER_ERROR, null);
    }

}
