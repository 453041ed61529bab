package com.goodfit.sync.source;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one smoke test of the zero-install default: the same migrations on the embedded H2 database, in a fresh
 * folder, exactly as application.yml configures it.
 */
@SpringBootTest(properties = { "goodfit.cli.enabled=false", "GOODFIT_DATA_DIR=./target/embedded-schema-it" })
class EmbeddedSchemaIT extends SchemaContract {

    @Override
    String jsonParameter() {
        return "? FORMAT JSON";
    }

}
