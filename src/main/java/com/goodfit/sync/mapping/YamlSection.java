package com.goodfit.sync.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping read with its line numbers: typed getters that report a wrong type, an unknown key or a duplicate
 * key to {@link Problems} instead of throwing, so parsing goes on and finds every problem.
 */
final class YamlSection {

    private final String path;

    private final Node node;

    private final Map<String, Node> values = new LinkedHashMap<>();

    private final Problems problems;

    private YamlSection(String path, Node node, Problems problems) {
        this.path = path;
        this.node = node;
        this.problems = problems;
    }

    static Optional<YamlSection> of(String path, Node node, Problems problems, Set<String> allowedKeys) {
        if (!(node instanceof MappingNode mapping)) {
            problems.add(node, "'" + path + "' must be a mapping of keys to values");
            return Optional.empty();
        }
        YamlSection section = new YamlSection(path, node, problems);
        mapping.getValue().forEach(tuple -> {
            String key = (tuple.getKeyNode() instanceof ScalarNode scalar) ? scalar.getValue() : "?";
            if (!allowedKeys.contains(key)) {
                problems.add(tuple.getKeyNode(), "unknown key '" + key + "' in " + describe(path) + " (expected "
                        + String.join(", ", allowedKeys.stream().sorted().toList()) + ")");
            }
            else if (section.values.putIfAbsent(key, tuple.getValueNode()) != null) {
                problems.add(tuple.getKeyNode(), "key '" + key + "' appears twice in " + describe(path));
            }
        });
        return Optional.of(section);
    }

    Node node() {
        return this.node;
    }

    String path() {
        return this.path;
    }

    int line() {
        return Problems.lineOf(this.node);
    }

    Optional<Node> node(String key) {
        return Optional.ofNullable(this.values.get(key));
    }

    @Nullable String string(String key) {
        Node value = this.values.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof ScalarNode scalar) {
            return scalar.getValue().trim();
        }
        this.problems.add(value, "'" + qualified(key) + "' must be a single value");
        return null;
    }

    <E extends Enum<E>> E enumValue(String key, Class<E> type, E defaultValue) {
        String value = string(key);
        if (value == null) {
            return defaultValue;
        }
        return YamlEnum.parse(type, value).orElseGet(() -> {
            this.problems.add(this.values.get(key), "unknown " + key.replace('-', ' ') + " '" + value + "' for '"
                    + qualified(key) + "' (expected " + YamlEnum.choicesOf(type) + ")");
            return defaultValue;
        });
    }

    boolean bool(String key, boolean defaultValue) {
        String value = string(key);
        if (value == null) {
            return defaultValue;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                this.problems.add(this.values.get(key), "'" + qualified(key) + "' must be true or false, not '"
                        + value + "'");
                yield defaultValue;
            }
        };
    }

    @Nullable Long number(String key, long min, long max) {
        String value = string(key);
        if (value == null) {
            return null;
        }
        try {
            long number = Long.parseLong(value.replace("_", ""));
            if (number >= min && number <= max) {
                return number;
            }
        }
        catch (NumberFormatException ex) {
            // reported below, with the allowed range
        }
        this.problems.add(this.values.get(key), "'" + qualified(key) + "' must be a whole number from " + min
                + " to " + max + ", not '" + value + "'");
        return null;
    }

    <T> List<T> list(String key, Function<Node, Optional<T>> element) {
        Node value = this.values.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof SequenceNode sequence)) {
            this.problems.add(value, "'" + qualified(key) + "' must be a list");
            return List.of();
        }
        return sequence.getValue().stream().map(element).flatMap(Optional::stream).toList();
    }

    Optional<YamlSection> section(String key, Set<String> allowedKeys) {
        Node value = this.values.get(key);
        return (value != null) ? of(qualified(key), value, this.problems, allowedKeys) : Optional.empty();
    }

    String qualified(String key) {
        return this.path.isEmpty() ? key : this.path + "." + key;
    }

    private static String describe(String path) {
        return path.isEmpty() ? "the job definition" : "'" + path + "'";
    }

}
