package com.goodfit.sync.connect;

import com.goodfit.sync.admin.UserFacingException;

/**
 * A connect or disconnect attempt ended without doing its work (timeout, denial, wrong state, failed exchange,
 * unusable settings); the message says what happened and that nothing was stored.
 */
public class ConnectFailedException extends UserFacingException {

    public ConnectFailedException(String message) {
        super(message);
    }

}
