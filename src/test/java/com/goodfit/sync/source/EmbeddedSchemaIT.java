package com.goodfit.sync.source;

import com.goodfit.sync.support.EmbeddedIntegrationTest;

/**
 * The one smoke test of the zero-install default: the same migrations on the embedded H2 database, in a fresh
 * folder, exactly as application.yml configures it.
 */
@EmbeddedIntegrationTest
class EmbeddedSchemaIT extends SchemaContract {

    @Override
    String jsonParameter() {
        return "? FORMAT JSON";
    }

}
