package com.goodfit.sync.emulator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Fills an org with realistic pre-existing data: Accounts whose websites come in the messy forms real CRMs hold
 * ({@code https://www.acme.com/}, {@code ACME.com}, {@code acme.com/about}), and Contacts with emails under them.
 * Deterministic for a given seed.
 */
final class OrgSeeder {

    private static final String[] WORDS = { "Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Wonka",
            "Hooli", "Vandelay", "Cyberdyne", "Soylent", "Tyrell", "Massive", "Dynamic", "Blue", "Red", "North",
            "Summit", "Apex", "Vertex", "Nimbus", "Quantum", "Pioneer", "Atlas", "Orbit", "Beacon", "Harbor",
            "Granite", "Falcon", "Cedar", "Maple", "Silver", "Golden", "River", "Lake", "Prime", "Nova", "Zenith" };

    private static final String[] SUFFIXES = { "Inc", "Ltd", "LLC", "GmbH", "Group", "Labs", "Systems", "Partners",
            "Holdings", "Technologies" };

    private static final String[] FIRST = { "Jo", "Sam", "Alex", "Maria", "Chen", "Priya", "Olu", "Anna", "Lars",
            "Sofia", "Tom", "Aisha", "Kenji", "Lea", "Omar", "Nina" };

    private static final String[] LAST = { "Smith", "Garcia", "Müller", "Rossi", "Nguyen", "Kowalski", "Okafor",
            "Jensen", "Silva", "Tanaka", "Dubois", "O'Brien", "Patel", "Novak" };

    private static final String[] INDUSTRIES = { "Technology", "Finance", "Healthcare", "Retail", "Manufacturing",
            "Consulting", "Education", "Media" };

    private static final String[] TITLES = { "CEO", "CTO", "VP Sales", "Head of Marketing", "Engineer",
            "Account Manager", "Operations Lead" };

    private final EmulatorOrg org;

    private final Random random;

    OrgSeeder(EmulatorOrg org, long seed) {
        this.org = org;
        this.random = new Random(seed);
    }

    void seed(int accounts, int contacts) {
        if (accounts == 0) {
            return;
        }
        Instant base = Instant.now().minus(365, ChronoUnit.DAYS);
        List<String> accountIds = new ArrayList<>(accounts);
        List<String> domains = new ArrayList<>(accounts);
        for (int i = 0; i < accounts; i++) {
            String name = pick(WORDS) + " " + pick(WORDS) + " " + pick(SUFFIXES) + " " + i;
            String domain = name.toLowerCase(Locale.ROOT).replace(" ", "").replaceAll("[^a-z0-9]", "") + ".com";
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("Name", name);
            fields.put("Website", messy(domain));
            fields.put("Industry", pick(INDUSTRIES));
            fields.put("NumberOfEmployees", 1 + this.random.nextInt(5000));
            fields.put("BillingCountry", (i % 3 == 0) ? "United Kingdom" : "United States");
            accountIds.add(this.org.insert("Account", fields, base.plusSeconds(i)));
            domains.add(domain);
        }
        for (int i = 0; i < contacts; i++) {
            int account = i % accounts;
            String first = pick(FIRST);
            String last = pick(LAST);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("AccountId", accountIds.get(account));
            fields.put("FirstName", first);
            fields.put("LastName", last);
            String local = (first + "." + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "") + i;
            fields.put("Email", (i % 7 == 0) ? (local + "@" + domains.get(account)).toUpperCase(Locale.ROOT)
                    : local + "@" + domains.get(account));
            fields.put("Title", pick(TITLES));
            this.org.insert("Contact", fields, base.plusSeconds(accounts + i));
        }
    }

    private String messy(String domain) {
        return switch (this.random.nextInt(6)) {
            case 0 -> "https://www." + domain + "/";
            case 1 -> "http://" + domain;
            case 2 -> domain.toUpperCase(Locale.ROOT);
            case 3 -> "www." + domain + "/about";
            case 4 -> " " + domain + " ";
            default -> domain;
        };
    }

    private String pick(String[] values) {
        return values[this.random.nextInt(values.length)];
    }

}
