package com.goodfit.sync.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files the commands write for their own use (job definitions they derive), removed when the process exits. */
final class TemporaryFiles {

    private TemporaryFiles() {
    }

    /**
     * @param prefix the start of the new folder's name
     * @param name the file's name
     * @return a file (not yet written) in a new temporary folder; both are deleted when the process exits
     */
    static Path inNewFolder(String prefix, String name) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        Path file = dir.resolve(name);
        // The folder first: files registered for deletion are deleted in reverse order, the file before its folder.
        dir.toFile().deleteOnExit();
        file.toFile().deleteOnExit();
        return file;
    }

}
