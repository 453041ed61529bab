package com.goodfit.sync.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the Public Suffix List project's own {@code checkPublicSuffix} vectors through {@link WebsiteNormaliser}.
 * <p>
 * {@code psl/test_psl.txt} is {@code tests/test_psl.txt} of github.com/publicsuffix/list at commit
 * {@code ffcfa83eb34cfbb25bfa24a486b8bd51aa180dcb}, unmodified (public domain, CC0). Another stored copy
 * ({@code 5daa4c73}) expects {@code city.kobe.jp -> kobe.jp}; that contradicts the list's {@code !city.kobe.jp}
 * exception rule and the same file's other {@code kobe.jp} vectors, so the consistent copy was vendored.
 * <p>
 * Vectors upstream comments out (the non-Internet {@code local} TLD) are not run. Every other vector runs;
 * the few where our documented rules differ are listed in {@link #EXCLUDED} and {@link #ADJUSTED} with the reason.
 */
class PublicSuffixListVectorsTests {

    private static final Pattern VECTOR = Pattern
        .compile("^checkPublicSuffix\\((null|'[^']*'), (null|'[^']*')\\);$");

    /**
     * Vectors whose PSL expectation we deliberately do not meet, with the reason.
     */
    private static final Map<String, String> EXCLUDED = Map.of(
            // The PSL algorithm's implicit "*" rule makes any unlisted TLD a public suffix. Guava does not apply
            // it, and neither do we: in CRM data "n.a", "john.smith" or "intranet.corp" are junk, not companies.
            "example.example", "unlisted TLD: no implicit '*' rule, an unknown TLD has no root domain",
            "b.example.example", "unlisted TLD: no implicit '*' rule, an unknown TLD has no root domain",
            "a.b.example.example", "unlisted TLD: no implicit '*' rule, an unknown TLD has no root domain");

    /**
     * Vectors whose expectation we meet in our own output form: root domains are punycode (DESIGN.md §1), where
     * the PSL test writes the Unicode form. The expected value is converted with {@link IDN#toASCII}.
     */
    private static final List<String> ADJUSTED = List.of("食狮.com.cn", "食狮.公司.cn", "www.食狮.公司.cn", "shishi.公司.cn",
            "食狮.中国", "www.食狮.中国", "shishi.中国");

    private final WebsiteNormaliser normaliser = new WebsiteNormaliser();

    @ParameterizedTest(name = "checkPublicSuffix({0}, {1})")
    @MethodSource("vectors")
    void findsTheRegistrableDomainThePublicSuffixListExpects(@Nullable String input, @Nullable String expected) {
        if (input != null && ADJUSTED.contains(input)) {
            assertThat(expected).isNotNull();
            expected = IDN.toASCII(expected);
        }
        assertThat(this.normaliser.rootDomainOf(input).map(RootDomain::value)).as(String.valueOf(input))
            .isEqualTo(java.util.Optional.ofNullable(expected));
    }

    @ParameterizedTest(name = "excluded: checkPublicSuffix({0}, {1})")
    @MethodSource("excludedVectors")
    void hasNoRootDomainUnderAnUnlistedTopLevelDomain(String input, String expected) {
        assertThat(expected).isNotNull();
        assertThat(this.normaliser.rootDomainOf(input)).as(EXCLUDED.get(input)).isEmpty();
    }

    @Test
    void runsNearlyEveryVectorAsIs() {
        List<Arguments> all = parse();
        assertThat(all).hasSize(78);
        assertThat(vectors()).hasSize(75);
        assertThat(excludedVectors()).hasSize(EXCLUDED.size());
        assertThat(all.stream().map(vector -> vector.get()[0]).filter(input -> input != null && ADJUSTED.contains(input))).hasSize(ADJUSTED.size());
    }

    static List<Arguments> vectors() {
        return parse().stream().filter(vector -> !isExcluded(vector)).toList();
    }

    static List<Arguments> excludedVectors() {
        return parse().stream().filter(PublicSuffixListVectorsTests::isExcluded).toList();
    }

    private static boolean isExcluded(Arguments vector) {
        Object input = vector.get()[0];
        return input != null && EXCLUDED.containsKey(input);
    }

    private static List<Arguments> parse() {
        List<Arguments> vectors = new ArrayList<>();
        for (String line : testFile().split("\n")) {
            if (line.isBlank() || line.startsWith("//")) {
                continue;
            }
            Matcher matcher = VECTOR.matcher(line);
            assertThat(matcher.matches()).as("unparsed line: %s", line).isTrue();
            vectors.add(Arguments.of(literal(matcher.group(1)), literal(matcher.group(2))));
        }
        return vectors;
    }

    private static @Nullable String literal(String token) {
        return "null".equals(token) ? null : token.substring(1, token.length() - 1);
    }

    private static String testFile() {
        try (InputStream in = PublicSuffixListVectorsTests.class.getResourceAsStream("/psl/test_psl.txt")) {
            assertThat(in).as("psl/test_psl.txt on the test class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
