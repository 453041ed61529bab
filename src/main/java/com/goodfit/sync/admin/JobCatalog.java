package com.goodfit.sync.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.goodfit.sync.jobs.SyncLauncher;
import com.goodfit.sync.mapping.JobDefinition;
import com.goodfit.sync.mapping.JobDefinitionException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The job definitions of the jobs folder ({@code goodfit.admin.jobs-dir}), by name (the file name without
 * {@code .yml}), each parsed and validated anew when asked for, so an edited file takes effect at its next run.
 */
@Component
class JobCatalog {

    private final SyncLauncher launcher;

    private final Path folder;

    JobCatalog(SyncLauncher launcher, AdminProperties properties) {
        this.launcher = launcher;
        this.folder = properties.jobsDir();
    }

    Path folder() {
        return this.folder;
    }

    /** @return every definition file, valid or not, by name */
    List<Entry> entries() {
        if (!Files.isDirectory(this.folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(this.folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".yml"))
                .sorted()
                .map(this::entry)
                .toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot list job definitions in " + this.folder, ex);
        }
    }

    /**
     * @param name a job's name
     * @return its definition file, when the folder has one
     */
    Optional<Path> file(String name) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            return Optional.empty();
        }
        Path file = this.folder.resolve(name + ".yml");
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private Entry entry(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.yml$", "");
        try {
            return new Entry(name, file, this.launcher.definition(file), List.of());
        }
        catch (JobDefinitionException ex) {
            return new Entry(name, file, null, ex.problems());
        }
    }

    /**
     * One file of the jobs folder.
     *
     * @param name the job's name
     * @param file its file
     * @param definition its definition, or null when it has problems
     * @param problems what is wrong with it, each naming the file and line
     */
    record Entry(String name, Path file, @Nullable JobDefinition definition, List<String> problems) {
    }

}
