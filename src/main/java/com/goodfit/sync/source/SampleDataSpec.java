package com.goodfit.sync.source;

import java.util.List;

/**
 * What to generate: how many companies, how many contacts per company on average, from which seed, with which
 * picklist values (as {@code field_definitions} lists them). Equal specs give equal rows.
 *
 * @param companies the number of companies, ids 1 to {@code companies}
 * @param contactsPerCompany the average number of contacts a company has; the total is exactly
 * {@code companies * contactsPerCompany}
 * @param seed the seed every value derives from
 * @param seniorities the picklist values of {@code contact.seniority}
 * @param fundingStages the picklist values of {@code account.funding_stage}
 */
public record SampleDataSpec(long companies, int contactsPerCompany, long seed, List<String> seniorities,
        List<String> fundingStages) {

    /** The picklist values the V1 migration seeds, for callers without a database. */
    public static final List<String> DEFAULT_SENIORITIES = List.of("Entry", "Senior", "Manager", "Director", "VP",
            "C-Level", "Owner");

    /** The funding stages the V1 migration seeds, for callers without a database. */
    public static final List<String> DEFAULT_FUNDING_STAGES = List.of("Bootstrapped", "Seed", "Series A", "Series B",
            "Series C", "Series D+", "Public");

    public SampleDataSpec {
        if (companies < 1) {
            throw new IllegalArgumentException("companies must be positive, got " + companies);
        }
        if (contactsPerCompany < 0) {
            throw new IllegalArgumentException("contactsPerCompany must not be negative, got " + contactsPerCompany);
        }
        if (seniorities.isEmpty() || fundingStages.isEmpty()) {
            throw new IllegalArgumentException("picklists must not be empty");
        }
        seniorities = List.copyOf(seniorities);
        fundingStages = List.copyOf(fundingStages);
    }

    public SampleDataSpec(long companies, int contactsPerCompany, long seed) {
        this(companies, contactsPerCompany, seed, DEFAULT_SENIORITIES, DEFAULT_FUNDING_STAGES);
    }

    /** The number of contact rows this spec produces. */
    public long contacts() {
        return this.companies * this.contactsPerCompany;
    }

}
