package com.goodfit.sync.source;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class SampleDataGeneratorTests {

    private static final int COMPANIES = 20_000;

    private static SampleDataGenerator generator;

    private static List<SampleCompany> companies;

    private static List<SampleContact> contacts;

    @BeforeAll
    static void generate() {
        generator = new SampleDataGenerator(new SampleDataSpec(COMPANIES, 3, 42));
        companies = list(generator.companies());
        contacts = list(generator.contacts());
    }

    @Test
    void sameSeedGivesIdenticalRows() {
        SampleDataGenerator again = new SampleDataGenerator(new SampleDataSpec(COMPANIES, 3, 42));
        assertThat(list(again.companies())).isEqualTo(companies);
        assertThat(list(again.contacts())).isEqualTo(contacts);
    }

    @Test
    void differentSeedGivesDifferentRows() {
        SampleDataGenerator other = new SampleDataGenerator(new SampleDataSpec(200, 3, 43));
        List<SampleCompany> otherCompanies = list(other.companies());
        long same = otherCompanies.stream()
            .filter((company) -> company.equals(companies.get((int) company.id() - 1)))
            .count();
        assertThat(same).isZero();
        assertThat(otherCompanies.stream().map(SampleCompany::domain).toList())
            .isNotEqualTo(companies.subList(0, 200).stream().map(SampleCompany::domain).toList());
    }

    @Test
    void aCompanyDoesNotDependOnHowManyAreGenerated() {
        SampleDataGenerator fewer = new SampleDataGenerator(new SampleDataSpec(10, 3, 42));
        assertThat(list(fewer.companies())).isEqualTo(companies.subList(0, 10));
    }

    @Test
    void writesExactlyTheRequestedNumberOfRowsWithContiguousIds() {
        assertThat(companies).hasSize(COMPANIES);
        assertThat(contacts).hasSize(COMPANIES * 3);
        for (int i = 0; i < contacts.size(); i++) {
            assertThat(contacts.get(i).id()).isEqualTo(i + 1);
        }
        assertThat(contacts).allMatch((contact) -> contact.companyId() >= 1 && contact.companyId() <= COMPANIES);
        Map<Long, Integer> perCompany = new HashMap<>();
        contacts.forEach((contact) -> perCompany.merge(contact.companyId(), 1, Integer::sum));
        assertThat(perCompany.values()).contains(1, 3, 6).allMatch((count) -> count <= 6);
        assertThat(perCompany).hasSizeLessThan(COMPANIES);
    }

    @Test
    void everyKindOfMessIsPresentInCompaniesOrContacts() {
        Set<MessKind> kinds = EnumSet.noneOf(MessKind.class);
        companies.forEach((company) -> kinds.addAll(company.mess()));
        contacts.forEach((contact) -> kinds.addAll(contact.mess()));
        assertThat(kinds).containsExactlyInAnyOrder(MessKind.values());
    }

    @Test
    void websitesComeInEveryFormCrmsHold() {
        List<String> websites = companies.stream().map(SampleCompany::domain).toList();
        assertThat(websites).contains(null, "", "n/a", "-", "localhost", "192.168.1.1", "co.uk");
        assertSome(websites, "bare domain", (w) -> w.matches("[a-z-]+\\.(com|io|de)"));
        assertSome(websites, "www", (w) -> w.startsWith("www."));
        assertSome(websites, "https with path, query and fragment", (w) -> w.matches("https://www\\..+/.*\\?.*#.*"));
        assertSome(websites, "shouting scheme", (w) -> w.startsWith("HTTP://"));
        assertSome(websites, "trailing slash", (w) -> w.matches("[^/]+/"));
        assertSome(websites, "co.uk", (w) -> w.endsWith(".co.uk"));
        assertSome(websites, "subdomain", (w) -> w.matches("(https://)?shop\\..+"));
        assertSome(websites, "port", (w) -> w.contains(":8080"));
        assertSome(websites, "userinfo", (w) -> w.contains("admin:secret@"));
        assertSome(websites, "email", (w) -> w.startsWith("info@"));
        assertSome(websites, "several sites", (w) -> w.contains(", "));
        assertSome(websites, "surrounding spaces", (w) -> w.startsWith("  ") && w.endsWith("  ") && !w.isBlank());
        assertSome(websites, "quotes", (w) -> w.startsWith("\""));
        assertSome(websites, "trailing dot", (w) -> w.endsWith(".") && !w.equals("www."));
        assertSome(websites, "IDN", (w) -> w.matches(".*[äöü].*"));
        assertSome(websites, "punycode", (w) -> w.contains("xn--"));
        assertSome(websites, "private suffix", (w) -> w.contains(".myshopify.com"));
    }

    @Test
    void duplicateCompaniesShareAnEarlierCompanysSiteAndNoOtherSitesCollide() {
        RowRandom random = new RowRandom(42);
        DomainIdentities identities = new DomainIdentities(random, SampleVocabulary.fromDatafaker(42));
        Map<String, Long> owners = new HashMap<>();
        int duplicates = 0;
        for (long id = 1; id <= COMPANIES; id++) {
            String host = identities.of(id).asciiHost();
            long duplicateOf = identities.duplicateOf(id);
            if (duplicateOf == 0) {
                assertThat(owners.put(host, id)).as("owner of %s", host).isNull();
            }
            else {
                duplicates++;
                assertThat(duplicateOf).isLessThan(id);
                assertThat(companies.get((int) id - 1).mess()).contains(MessKind.SHARED_ROOT_DOMAIN);
                assertThat(companies.get((int) id - 1).mess()).doesNotContain(MessKind.INVALID_WEBSITE);
            }
        }
        assertThat(duplicates).isBetween(COMPANIES / 50, COMPANIES / 20);
    }

    @Test
    void businessWordsAreSuffixFreeSoConcatenatedLabelsAreUnique() {
        for (String word : DomainIdentities.BUSINESS_WORDS) {
            for (String other : DomainIdentities.BUSINESS_WORDS) {
                if (!word.equals(other)) {
                    assertThat(other).as("%s ends with %s", other, word).doesNotEndWith(word);
                }
            }
        }
    }

    @Test
    void scoresHaveTwoDecimalsAndTiersFollowThem() {
        for (SampleCompany company : companies) {
            if (company.score() == null) {
                assertThat(company.tier()).isNull();
                continue;
            }
            assertThat(company.score().scale()).isEqualTo(2);
            assertThat(company.score().doubleValue()).isBetween(0.0, 100.0);
            double score = company.score().doubleValue();
            String expected = (score >= 75) ? "A" : (score >= 50) ? "B" : (score >= 25) ? "C" : "D";
            assertThat(company.tier()).isEqualTo(expected);
        }
    }

    @Test
    void dataPointsAreJsonWithTheFieldDefinitionKeysSometimesPartialOrMissing() {
        JsonMapper json = JsonMapper.builder().build();
        Set<String> keys = new HashSet<>();
        int missing = 0;
        int partial = 0;
        for (SampleCompany company : companies) {
            if (company.dataPoints() == null) {
                missing++;
                continue;
            }
            JsonNode node = json.readTree(company.dataPoints());
            assertThat(node.isObject()).isTrue();
            node.propertyNames().forEach(keys::add);
            if (node.size() < 4) {
                partial++;
                assertThat(company.mess()).contains(MessKind.INCOMPLETE_DATA_POINTS);
            }
            if (node.has("founded_on") && !node.get("founded_on").isNull()) {
                assertThat(node.get("founded_on").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
            }
            if (node.has("total_funding") && !node.get("total_funding").isNull()) {
                assertThat(node.get("total_funding").isNumber()).isTrue();
            }
        }
        assertThat(keys).containsExactlyInAnyOrder("founded_on", "is_hiring", "funding_stage", "total_funding");
        assertThat(missing).isPositive();
        assertThat(partial).isPositive();
        assertThat(companies).anyMatch((company) -> company.dataPoints() != null
                && company.dataPoints().matches("\\{\"founded_on\":\"\\d{4}-\\d{2}-\\d{2}\",\"is_hiring\":(true|false),"
                        + "\"funding_stage\":\"[^\"]+\",\"total_funding\":\\d+\\.\\d{2}}"));
    }

    @Test
    void contactsAreMessyTheWayCrmContactsAre() {
        List<String> emails = contacts.stream().map(SampleContact::email).toList();
        assertThat(emails).contains(null, "", " ");
        assertSome(emails, "double at", (e) -> e.contains("@@"));
        assertSome(emails, "no at sign", (e) -> !e.isBlank() && !e.contains("@"));
        assertSome(emails, "mixed case", (e) -> !e.equals(e.toLowerCase(Locale.ROOT)) && e.contains("@"));
        assertThat(contacts).anyMatch((c) -> c.lastName() == null);
        assertThat(contacts).anyMatch((c) -> c.title() != null && c.title().length() >= 300);
        assertThat(contacts).anyMatch((c) -> c.firstName() != null && c.firstName().matches(".*[àáâäçéèêëíñóöúüß].*"));
        assertThat(contacts).anyMatch((c) -> c.lastName() != null && c.lastName().codePoints()
            .anyMatch((cp) -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN));
        Set<String> picklist = Set.copyOf(SampleDataSpec.DEFAULT_SENIORITIES);
        assertThat(contacts).anyMatch((c) -> c.seniority() != null && !picklist.contains(c.seniority()));
        assertThat(contacts).anyMatch((c) -> c.seniority() != null && picklist.contains(c.seniority()));
        List<String> phones = contacts.stream().map(SampleContact::phone).toList();
        assertSome(phones, "US parentheses", (p) -> p.matches("\\(\\d{3}\\) \\d{3}-\\d{4}"));
        assertSome(phones, "international", (p) -> p.startsWith("+44 "));
        assertSome(phones, "extension", (p) -> p.contains(" x"));
    }

    @Test
    void someEmailsBelongToSeveralContactsAcrossCompanies() {
        Map<String, Set<Long>> companiesByEmail = new HashMap<>();
        for (SampleContact contact : contacts) {
            if (contact.email() != null && contact.mess().isEmpty()) {
                companiesByEmail.computeIfAbsent(normalised(contact.email()), (e) -> new HashSet<>())
                    .add(contact.companyId());
            }
        }
        for (SampleContact contact : contacts) {
            if (contact.mess().contains(MessKind.DUPLICATE_EMAIL)) {
                companiesByEmail.computeIfAbsent(normalised(contact.email()), (e) -> new HashSet<>())
                    .add(contact.companyId());
            }
        }
        assertThat(companiesByEmail.values()).anyMatch((ids) -> ids.size() > 1);
    }

    @Test
    void overLongStringsExceedTheirFieldDefinitionLengths() {
        for (SampleCompany company : companies) {
            if (company.mess().contains(MessKind.OVERLONG_STRING)) {
                assertThat(length(company.name()) > 255 || length(company.linkedinUrl()) > 255
                        || length(company.description()) > 32_000).as("company %d", company.id()).isTrue();
            }
        }
        for (SampleContact contact : contacts) {
            if (contact.mess().contains(MessKind.OVERLONG_STRING)) {
                assertThat(length(contact.title()) > 128 || length(contact.lastName()) > 80
                        || length(contact.email()) > 80).as("contact %d", contact.id()).isTrue();
            }
        }
    }

    private static String normalised(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static int length(String value) {
        return (value != null) ? value.length() : 0;
    }

    private static void assertSome(List<String> values, String what, Predicate<String> test) {
        assertThat(values.stream().filter((value) -> value != null && test.test(value)).findAny()).as(what).isPresent();
    }

    private static <T> List<T> list(Iterator<T> rows) {
        List<T> list = new ArrayList<>();
        rows.forEachRemaining(list::add);
        return list;
    }

}
