package com.goodfit.sync.mapping;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kebab-case spelling job definitions use for enum constants ({@code UPDATE_IF_EMPTY} is
 * {@code update-if-empty}).
 */
public final class YamlEnum {

    private YamlEnum() {
    }

    public static String nameOf(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> nameOf(c).equals(value)).findFirst();
    }

    static <E extends Enum<E>> String choicesOf(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(YamlEnum::nameOf).collect(Collectors.joining(", "));
    }

}
