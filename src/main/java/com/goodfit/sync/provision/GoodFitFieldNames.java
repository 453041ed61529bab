package com.goodfit.sync.provision;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.goodfit.sync.source.FieldDefinition;

/**
 * Names the GoodFit custom field of each source field: label {@code {Field Name} (GoodFit)}, API name
 * {@code {Field_Name}_GoodFit__c}, following Salesforce's rules (ASCII letters, digits and single underscores,
 * starting with a letter, at most 40 characters before {@code __c}; labels at most 40 characters). Fields of one
 * object whose labels clean to the same name get distinct names ({@code _2}, {@code _3}, ...).
 */
public final class GoodFitFieldNames {

    /** Characters allowed before {@code __c}. */
    static final int MAX_NAME = 40;

    /** Characters allowed in a custom field's label. */
    static final int MAX_LABEL = 40;

    private static final String NAME_SUFFIX = "_GoodFit";

    private static final String LABEL_SUFFIX = " (GoodFit)";

    private GoodFitFieldNames() {
    }

    /**
     * Distinct names for the fields of one object, in the given order (earlier fields keep the plain name).
     * @param fields the source fields of one object
     * @return each field's key to its name
     */
    public static Map<String, CustomFieldName> assign(List<FieldDefinition> fields) {
        Map<String, CustomFieldName> names = new LinkedHashMap<>();
        Set<String> usedNames = new HashSet<>();
        Set<String> usedLabels = new HashSet<>();
        for (FieldDefinition field : fields) {
            String base = cleaned(field.label().isBlank() ? field.key() : field.label());
            String name = base;
            for (int n = 2; !usedNames.add(apiName(name).toLowerCase(Locale.ROOT)); n++) {
                name = fit(base, MAX_NAME - NAME_SUFFIX.length() - ("_" + n).length()) + "_" + n;
            }
            String labelBase = field.label().isBlank() ? field.key() : field.label().trim();
            String label = fit(labelBase, MAX_LABEL - LABEL_SUFFIX.length()) + LABEL_SUFFIX;
            for (int n = 2; !usedLabels.add(label.toLowerCase(Locale.ROOT)); n++) {
                label = fit(labelBase, MAX_LABEL - LABEL_SUFFIX.length() - (" " + n).length()) + " " + n
                        + LABEL_SUFFIX;
            }
            names.put(field.key(), new CustomFieldName(apiName(name), label));
        }
        return names;
    }

    /**
     * The label for a custom field named in a job definition: {@code Fit_Score_GoodFit__c} becomes
     * {@code Fit Score (GoodFit)}.
     * @param apiName the field's API name
     * @return a label of at most 40 characters
     */
    static String labelOf(String apiName) {
        String base = apiName.endsWith("__c") ? apiName.substring(0, apiName.length() - 3) : apiName;
        boolean goodFit = base.endsWith(NAME_SUFFIX) && base.length() > NAME_SUFFIX.length();
        String words = (goodFit ? base.substring(0, base.length() - NAME_SUFFIX.length()) : base).replace('_', ' ');
        return goodFit ? fit(words, MAX_LABEL - LABEL_SUFFIX.length()) + LABEL_SUFFIX : fit(words, MAX_LABEL);
    }

    /**
     * Whether an API name is one Salesforce accepts for a custom field.
     * @param apiName e.g. {@code Employees_GoodFit__c}
     * @return true when it ends in {@code __c} and its base follows the rules
     */
    static boolean isValidCustomName(String apiName) {
        if (!apiName.endsWith("__c")) {
            return false;
        }
        String base = apiName.substring(0, apiName.length() - 3);
        return !base.isEmpty() && base.length() <= MAX_NAME && !base.endsWith("_")
                && base.matches("[A-Za-z](?:[A-Za-z0-9]|_(?!_))*");
    }

    private static String apiName(String base) {
        return base + NAME_SUFFIX + "__c";
    }

    /** Letters without accents, digits, single underscores; starts with a letter; fits before the suffix. */
    static String cleaned(String label) {
        // Letters that do not decompose into a base letter and an accent are spelled out.
        String spelled = label.replace("ß", "ss").replace("æ", "ae").replace("Æ", "AE").replace("ø", "o")
            .replace("Ø", "O").replace("œ", "oe").replace("Œ", "OE").replace("ł", "l").replace("Ł", "L")
            .replace("đ", "d").replace("Đ", "D");
        String ascii = Normalizer.normalize(spelled, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String name = ascii.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (name.isEmpty()) {
            name = "Field";
        }
        else if (!Character.isLetter(name.charAt(0))) {
            // Salesforce's own fix for a label starting with a digit.
            name = "X" + name;
        }
        return fit(name, MAX_NAME - NAME_SUFFIX.length());
    }

    private static String fit(String text, int max) {
        String cut = (text.length() <= max) ? text : text.substring(0, max);
        return cut.replaceAll("[_ ]+$", "");
    }

    /**
     * A custom field's two names.
     *
     * @param apiName e.g. {@code Employees_GoodFit__c}
     * @param label e.g. {@code Employees (GoodFit)}
     */
    public record CustomFieldName(String apiName, String label) {
    }

}
