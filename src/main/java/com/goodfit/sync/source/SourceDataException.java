package com.goodfit.sync.source;

import org.jspecify.annotations.Nullable;

/**
 * Source data the connector cannot read as it stands (a malformed data directory or JSON column), named so it can be
 * fixed at the source.
 */
public class SourceDataException extends RuntimeException {

    public SourceDataException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

}
