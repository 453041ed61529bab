package com.goodfit.sync.mapping;

import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.nodes.Node;

/**
 * Collects every problem of one job definition, each prefixed with {@code file:line:}, so a user sees them all
 * at once instead of fixing one per run.
 */
final class Problems {

    private final String file;

    private final List<String> messages = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    void add(Node at, String message) {
        add(lineOf(at), message);
    }

    void add(int line, String message) {
        this.messages.add(this.file + ":" + line + ": " + message);
    }

    boolean isEmpty() {
        return this.messages.isEmpty();
    }

    void throwIfAny() {
        if (!this.messages.isEmpty()) {
            throw new JobDefinitionException(this.messages);
        }
    }

    static int lineOf(Node node) {
        return node.getStartMark().getLine() + 1;
    }

}
