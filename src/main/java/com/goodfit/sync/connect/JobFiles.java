package com.goodfit.sync.connect;

import java.nio.file.Files;
import java.nio.file.Path;

import com.goodfit.sync.admin.UserFacingException;

/**
 * Finds a job's definition from what a user typed: a path to a {@code .yml} file, or a job name looked up as
 * {@code jobs/<name>.yml} in the working directory.
 */
public final class JobFiles {

    private JobFiles() {
    }

    /**
     * @param job a job name such as {@code acme-salesforce}, or a path such as {@code jobs/acme-salesforce.yml}
     * @return the definition file
     * @throws UserFacingException when no such file exists
     */
    public static Path find(String job) {
        Path asPath = Path.of(job);
        if (job.endsWith(".yml") || job.endsWith(".yaml") || job.contains("/")) {
            if (!Files.isRegularFile(asPath)) {
                throw new UserFacingException("no job definition file '" + job + "'");
            }
            return asPath;
        }
        Path named = Path.of("jobs", job + ".yml");
        if (!Files.isRegularFile(named)) {
            throw new UserFacingException("no job '" + job + "': expected " + named + " (run from the directory that "
                    + "holds jobs/, or give the file's path)");
        }
        return named;
    }

}
