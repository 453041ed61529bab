package com.goodfit.sync.mapping;

import java.util.List;

/**
 * A job definition that cannot be used; each problem names the file, the line and what is wrong, e.g.
 * {@code acme.yml:14: unknown update strategy 'overide' for field 'Phone' (expected override, update-if-empty)}.
 */
public class JobDefinitionException extends RuntimeException {

    private final List<String> problems;

    public JobDefinitionException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return this.problems;
    }

}
