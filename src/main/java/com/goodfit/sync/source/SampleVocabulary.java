package com.goodfit.sync.source;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import net.datafaker.Faker;

/**
 * Pools of realistic values drawn once from datafaker with the seed, which the generator then combines per row:
 * calling datafaker for every row would be far too slow for millions of rows.
 *
 * @param brandWords lower-case ASCII words that start a domain label ({@code hartmann}, {@code oakland})
 * @param nounWords lower-case ASCII words that end a hyphenated domain label ({@code harbor}, {@code synergy})
 */
record SampleVocabulary(List<String> brandWords, List<String> nounWords, List<String> companyNames,
        List<String> foreignCompanyNames, List<String> industries, List<String> catchPhrases, List<String> bsPhrases,
        List<String> countries, List<String> cities, List<String> germanCities, List<String> frenchCities,
        List<String> japaneseCities, List<String> firstNames, List<String> lastNames, List<String> unicodeFirstNames,
        List<String> unicodeLastNames, List<String> titles, List<String> departments) {

    private static final Predicate<String> ANY = (value) -> true;

    private static final Predicate<String> NON_ASCII = (value) -> value.chars().anyMatch((c) -> c > 127);

    static SampleVocabulary fromDatafaker(long seed) {
        Faker en = new Faker(Locale.ENGLISH, new Random(seed));
        Faker de = new Faker(Locale.GERMAN, new Random(seed + 1));
        Faker fr = new Faker(Locale.FRENCH, new Random(seed + 2));
        Faker ja = new Faker(Locale.JAPANESE, new Random(seed + 3));
        Faker es = new Faker(Locale.forLanguageTag("es"), new Random(seed + 4));
        List<String> brandWords = words(6000, () -> en.name().lastName(), () -> en.name().firstName(),
                () -> en.address().cityName());
        List<String> nounWords = words(3000, () -> en.company().buzzword(), () -> en.animal().name(),
                () -> en.color().name(), () -> en.commerce().productName(), () -> en.address().streetSuffix());
        return new SampleVocabulary(brandWords, nounWords, pool(3000, ANY, () -> en.company().name()),
                pool(600, ANY, () -> ja.company().name(), () -> de.company().name(), () -> fr.company().name()),
                pool(1000, ANY, () -> en.company().industry()), pool(2000, ANY, () -> en.company().catchPhrase()),
                pool(2000, ANY, () -> en.company().bs()), pool(1500, ANY, () -> en.address().country()),
                pool(2000, ANY, () -> en.address().city()), pool(400, ANY, () -> de.address().cityName()),
                pool(400, ANY, () -> fr.address().cityName()), pool(400, ANY, () -> ja.address().cityName()),
                pool(4000, ANY, () -> en.name().firstName()), pool(3000, ANY, () -> en.name().lastName()),
                pool(1500, NON_ASCII, () -> de.name().firstName(), () -> fr.name().firstName(),
                        () -> es.name().firstName(), () -> ja.name().firstName()),
                pool(1500, NON_ASCII, () -> de.name().lastName(), () -> fr.name().lastName(),
                        () -> es.name().lastName(), () -> ja.name().lastName()),
                pool(4000, ANY, () -> en.job().title()), pool(600, ANY, () -> en.job().field()));
    }

    SampleVocabulary {
        brandWords = List.copyOf(brandWords);
        nounWords = List.copyOf(nounWords);
        companyNames = List.copyOf(companyNames);
        foreignCompanyNames = List.copyOf(foreignCompanyNames);
        industries = List.copyOf(industries);
        catchPhrases = List.copyOf(catchPhrases);
        bsPhrases = List.copyOf(bsPhrases);
        countries = List.copyOf(countries);
        cities = List.copyOf(cities);
        germanCities = List.copyOf(germanCities);
        frenchCities = List.copyOf(frenchCities);
        japaneseCities = List.copyOf(japaneseCities);
        firstNames = List.copyOf(firstNames);
        lastNames = List.copyOf(lastNames);
        unicodeFirstNames = List.copyOf(unicodeFirstNames);
        unicodeLastNames = List.copyOf(unicodeLastNames);
        titles = List.copyOf(titles);
        departments = List.copyOf(departments);
    }

    /** Distinct values in first-drawn order, so the pool depends only on the faker's seed. */
    @SafeVarargs
    private static List<String> pool(int draws, Predicate<String> keep, Supplier<String>... sources) {
        Set<String> values = new LinkedHashSet<>();
        for (int i = 0; i < draws; i++) {
            String value = sources[i % sources.length].get();
            if (keep.test(value)) {
                values.add(value);
            }
        }
        return new ArrayList<>(values);
    }

    /** Distinct lower-case ASCII words of 3 to 12 letters, fit for a domain label. */
    @SafeVarargs
    private static List<String> words(int draws, Supplier<String>... sources) {
        Set<String> words = new LinkedHashSet<>();
        for (int i = 0; i < draws; i++) {
            for (String word : sources[i % sources.length].get().toLowerCase(Locale.ROOT).split("[^a-z]+")) {
                if (word.length() >= 3 && word.length() <= 12) {
                    words.add(word);
                }
            }
        }
        return new ArrayList<>(words);
    }

}
