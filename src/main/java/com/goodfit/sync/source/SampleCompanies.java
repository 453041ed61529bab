package com.goodfit.sync.source;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;

import com.goodfit.sync.source.DomainIdentities.DomainIdentity;
import com.goodfit.sync.source.Websites.Website;

/**
 * Builds company rows: values from the vocabulary combined per row with the row's own random stream, plus the
 * deliberate mess (nulls, odd casing, over-long text, incomplete data points).
 */
final class SampleCompanies {

    /** Rows are dated in the two years before this instant, never from the clock, so runs repeat exactly. */
    static final LocalDateTime LATEST_UPDATE = LocalDateTime.of(2026, 1, 1, 0, 0);

    static final int UPDATE_WINDOW_SECONDS = 2 * 365 * 24 * 3600;

    private static final Map<String, List<String>> COUNTRY_BY_SUFFIX = Map.of("de",
            List.of("Germany", "Germany", "Deutschland", "DE"), "co.uk",
            List.of("United Kingdom", "United Kingdom", "UK", "England", "Great Britain"), "fr",
            List.of("France", "France", "FR"), "com.au", List.of("Australia", "AU"), "nl",
            List.of("Netherlands", "The Netherlands", "Nederland"), "es", List.of("Spain", "España"), "ch",
            List.of("Switzerland", "Schweiz", "CH"), "ca", List.of("Canada", "CA"));

    private static final List<String> UNITED_STATES = List.of("United States", "United States", "United States", "USA",
            "US", "United States of America", "U.S.", "usa");

    private static final Map<String, List<String>> LEGAL_FORMS = Map.of("de", List.of("GmbH", "AG", "GmbH & Co. KG"),
            "co.uk", List.of("Ltd", "Limited", "PLC", "Ltd."), "fr", List.of("SAS", "SARL", "S.A."), "com.au",
            List.of("Pty Ltd"), "nl", List.of("B.V.", "N.V."), "es", List.of("S.L.", "S.A."), "ch",
            List.of("AG", "SA"));

    private static final List<String> US_LEGAL_FORMS = List.of("Inc.", "LLC", "Corp.", "Inc", "Co.", "Ltd.",
            "Incorporated");

    private static final List<String> UNKNOWN_FUNDING_STAGES = List.of("Series E", "Pre-Seed", "series a", "Acquired",
            "IPO", "Angel");

    private static final int[] EMPLOYEE_BANDS = { 1, 11, 51, 201, 1001, 5001, 20001, 400001 };

    private static final int[] EMPLOYEE_BAND_WEIGHTS = { 250, 300, 220, 130, 60, 30, 10 };

    private final RowRandom rowRandom;

    private final SampleVocabulary vocabulary;

    private final DomainIdentities identities;

    private final List<String> fundingStages;

    SampleCompanies(RowRandom rowRandom, SampleVocabulary vocabulary, DomainIdentities identities,
            List<String> fundingStages) {
        this.rowRandom = rowRandom;
        this.vocabulary = vocabulary;
        this.identities = identities;
        this.fundingStages = fundingStages;
    }

    SampleCompany company(long id) {
        Set<MessKind> mess = EnumSet.noneOf(MessKind.class);
        boolean duplicate = this.identities.duplicateOf(id) != 0;
        DomainIdentity identity = this.identities.of(id);
        Website website = Websites.of(this.rowRandom, id, identity, duplicate);
        flag(mess, MessKind.INVALID_WEBSITE, website.invalid());
        flag(mess, MessKind.SHARED_ROOT_DOMAIN, duplicate);
        SplittableRandom random = this.rowRandom.of(id, RowRandom.COMPANY);
        String country = country(random, identity);
        boolean japanese = random.nextInt(1000) < 8;
        String name = name(random, identity, country, japanese, mess);
        Integer employees = employees(random);
        BigDecimal score = RowRandom.chance(random, 0.02) ? null : BigDecimal.valueOf(random.nextInt(10_001), 2);
        return new SampleCompany(id, name, website.value(), industry(random), employees,
                revenue(random, employees), country, city(random, identity, japanese), linkedin(random, identity, mess),
                description(random, identity, mess), score, tierOf(score), updatedAt(random),
                dataPoints(random, mess), mess);
    }

    private @Nullable String name(SplittableRandom random, DomainIdentity identity, @Nullable String country,
            boolean japanese, Set<MessKind> mess) {
        if (japanese) {
            return RowRandom.pick(random, this.vocabulary.foreignCompanyNames());
        }
        int roll = random.nextInt(1000);
        if (roll < 4) {
            return null;
        }
        if (roll < 7) {
            return random.nextBoolean() ? "" : "   ";
        }
        if (roll < 8) {
            mess.add(MessKind.OVERLONG_STRING);
            return repeatUntil(identity.tradingName() + " " + RowRandom.pick(random, this.vocabulary.catchPhrases()),
                    300 + random.nextInt(100));
        }
        if (roll < 60) {
            return RowRandom.pick(random, this.vocabulary.companyNames());
        }
        List<String> legalForms = LEGAL_FORMS.getOrDefault(identity.suffix(), US_LEGAL_FORMS);
        String name = identity.tradingName()
                + (random.nextInt(100) < 45 ? " " + RowRandom.pick(random, legalForms) : "");
        if (roll < 90) {
            return name.toUpperCase(Locale.ROOT);
        }
        if (roll < 110) {
            return " " + name + "  ";
        }
        return name;
    }

    /** The country a country-code suffix implies, in its many spellings; otherwise often the US. */
    private @Nullable String country(SplittableRandom random, DomainIdentity identity) {
        if (RowRandom.chance(random, 0.04)) {
            return null;
        }
        List<String> spellings = COUNTRY_BY_SUFFIX.get(identity.suffix());
        if (spellings != null) {
            return RowRandom.pick(random, spellings);
        }
        return (random.nextInt(100) < 45) ? RowRandom.pick(random, UNITED_STATES)
                : RowRandom.pick(random, this.vocabulary.countries());
    }

    private @Nullable String industry(SplittableRandom random) {
        int roll = random.nextInt(100);
        String industry = RowRandom.pick(random, this.vocabulary.industries());
        return (roll < 3) ? null : (roll < 5) ? industry.toLowerCase(Locale.ROOT) : industry;
    }

    private static @Nullable Integer employees(SplittableRandom random) {
        int roll = random.nextInt(1000);
        if (roll < 40) {
            return null;
        }
        if (roll < 43) {
            return 0;
        }
        int band = weighted(random, EMPLOYEE_BAND_WEIGHTS);
        return EMPLOYEE_BANDS[band] + random.nextInt(EMPLOYEE_BANDS[band + 1] - EMPLOYEE_BANDS[band]);
    }

    private static @Nullable BigDecimal revenue(SplittableRandom random, @Nullable Integer employees) {
        if (RowRandom.chance(random, 0.08) || employees == null || employees == 0) {
            return null;
        }
        long perEmployeeCents = 4_000_000L + random.nextLong(36_000_000L);
        return BigDecimal.valueOf(employees * perEmployeeCents + random.nextInt(100), 2);
    }

    private @Nullable String city(SplittableRandom random, DomainIdentity identity, boolean japanese) {
        if (RowRandom.chance(random, 0.04)) {
            return null;
        }
        List<String> cities = japanese ? this.vocabulary.japaneseCities()
                : "de".equals(identity.suffix()) ? this.vocabulary.germanCities()
                        : "fr".equals(identity.suffix()) ? this.vocabulary.frenchCities() : this.vocabulary.cities();
        return RowRandom.pick(random, cities);
    }

    private static @Nullable String linkedin(SplittableRandom random, DomainIdentity identity, Set<MessKind> mess) {
        int roll = random.nextInt(10_000);
        String slug = identity.asciiLabel();
        if (roll < 1_400) {
            return null;
        }
        if (roll < 1_405) {
            mess.add(MessKind.OVERLONG_STRING);
            return repeatUntil("https://www.linkedin.com/company/" + slug + "?trk=" + slug, 300 + random.nextInt(60));
        }
        if (roll < 2_000) {
            return "linkedin.com/company/" + slug;
        }
        if (roll < 2_500) {
            return "https://www.linkedin.com/company/" + (1000 + random.nextInt(90_000_000));
        }
        if (roll < 3_100) {
            return "https://www.linkedin.com/company/" + slug + "/";
        }
        return "https://www.linkedin.com/company/" + slug;
    }

    private @Nullable String description(SplittableRandom random, DomainIdentity identity, Set<MessKind> mess) {
        int roll = random.nextInt(10_000);
        if (roll < 600) {
            return null;
        }
        String text = identity.tradingName() + " helps teams " + RowRandom.pick(random, this.vocabulary.bsPhrases())
                + ". " + RowRandom.pick(random, this.vocabulary.catchPhrases()) + ".";
        if (roll < 605) {
            mess.add(MessKind.OVERLONG_STRING);
            return repeatUntil(text + " ", 32_100 + random.nextInt(2_000));
        }
        if (roll < 700) {
            // Tabs, line breaks and backslashes must survive COPY escaping and CSV exports alike.
            return text + "\n\tOffices: HQ\\EMEA \"main\" site;\r\nsee also: " + identity.asciiHost();
        }
        return text;
    }

    private static @Nullable String tierOf(@Nullable BigDecimal score) {
        if (score == null) {
            return null;
        }
        int points = score.intValue();
        return (points >= 75) ? "A" : (points >= 50) ? "B" : (points >= 25) ? "C" : "D";
    }

    static LocalDateTime updatedAt(SplittableRandom random) {
        return LATEST_UPDATE.minusSeconds(1 + random.nextInt(UPDATE_WINDOW_SECONDS));
    }

    private @Nullable String dataPoints(SplittableRandom random, Set<MessKind> mess) {
        int roll = random.nextInt(1000);
        if (roll < 100) {
            mess.add(MessKind.INCOMPLETE_DATA_POINTS);
            return (roll < 80) ? null : "{}";
        }
        StringBuilder json = new StringBuilder(112).append('{');
        boolean withNulls = roll < 110;
        int stage = random.nextInt(this.fundingStages.size());
        boolean complete = true;
        boolean present = RowRandom.chance(random, 0.96);
        complete &= present;
        if (present) {
            LocalDate founded = RowRandom.chance(random, 0.04)
                    ? LocalDate.of(1850, 1, 1).plusDays(random.nextInt(36_500))
                    : LocalDate.of(1950, 1, 1).plusDays(random.nextInt(27_575));
            member(json, "founded_on").append('"').append(founded).append('"');
        }
        present = RowRandom.chance(random, 0.96);
        complete &= present;
        if (present) {
            member(json, "is_hiring").append(withNulls ? "null" : Boolean.toString(random.nextInt(100) < 40));
        }
        present = RowRandom.chance(random, 0.96);
        complete &= present;
        if (present) {
            String value = this.fundingStages.get(stage);
            if (RowRandom.chance(random, 0.01)) {
                value = RowRandom.pick(random, UNKNOWN_FUNDING_STAGES);
                mess.add(MessKind.UNKNOWN_PICKLIST_VALUE);
            }
            jsonString(member(json, "funding_stage"), value);
        }
        present = RowRandom.chance(random, 0.96);
        complete &= present;
        if (present) {
            member(json, "total_funding").append(withNulls ? "null" : funding(random, stage).toPlainString());
        }
        if (!complete || withNulls) {
            mess.add(MessKind.INCOMPLETE_DATA_POINTS);
        }
        return json.append('}').toString();
    }

    private static void jsonString(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\');
            }
            json.append(c);
        }
        json.append('"');
    }

    private static StringBuilder member(StringBuilder json, String key) {
        return json.append((json.length() > 1) ? ",\"" : "\"").append(key).append("\":");
    }

    // Later stages raise more: roughly 100k for a seed round up to hundreds of millions for later ones.
    private static BigDecimal funding(SplittableRandom random, int stage) {
        if (stage == 0) {
            return BigDecimal.valueOf(0, 2);
        }
        long dollars = 50_000L << (2 * stage);
        return BigDecimal.valueOf((dollars + random.nextLong(dollars * 3)) * 100, 2);
    }

    private static String repeatUntil(String text, int length) {
        StringBuilder out = new StringBuilder(length + text.length());
        while (out.length() < length) {
            out.append(text);
        }
        out.setLength(length);
        return out.toString().strip();
    }

    static int weighted(SplittableRandom random, int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        throw new IllegalStateException("weights exhausted");
    }

    private static void flag(Set<MessKind> mess, MessKind kind, boolean present) {
        if (present) {
            mess.add(kind);
        }
    }

}
