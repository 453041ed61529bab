package com.goodfit.sync.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * A full application context on the embedded H2 database of the zero-install default, in a folder under
 * {@code target/}, configured exactly as application.yml does apart from the folder. Used only to prove the SQL that
 * the demo path runs works on H2 too; behaviour is tested on PostgreSQL.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = { "goodfit.cli.enabled=false", "GOODFIT_DATA_DIR=./target/embedded-it" })
public @interface EmbeddedIntegrationTest {

}
