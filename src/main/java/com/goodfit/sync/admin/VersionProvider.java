package com.goodfit.sync.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/**
 * Reads the version Maven wrote into {@code version.properties} at build time.
 */
class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read version.properties", ex);
        }
        return new String[] { "goodfit-sync " + properties.getProperty("version", "unknown") };
    }

}
