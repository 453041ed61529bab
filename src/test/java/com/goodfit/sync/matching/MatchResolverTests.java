package com.goodfit.sync.matching;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MatchResolverTests {

    private final RecordIndex index = new RecordIndex();

    private MatchResolver resolver;

    @BeforeEach
    void setUp() {
        this.resolver = new MatchResolver(this.index, new KeyClaims(), MatchReasons.ACCOUNTS);
    }

    @Test
    void treatsACompanyWithoutMatchingAccountAsNew() {
        assertThat(this.resolver.resolve(1, null, "acme.com", "https://www.acme.com"))
            .isInstanceOf(MatchOutcome.New.class);
    }

    @Test
    void matchesTheOnlyAccountWithTheRootDomain() {
        IndexedRecord acme = account("001A", "2020-01-01T00:00:00Z", "acme.com", null);
        this.index.add(acme);

        assertThat(this.resolver.resolve(1, null, "acme.com", "acme.com"))
            .isEqualTo(new MatchOutcome.Matched(acme, false));
    }

    @Test
    void anExistingLinkWinsOverTheDomain() {
        IndexedRecord linked = account("001L", "2021-01-01T00:00:00Z", "other.com", 1L);
        this.index.add(linked);
        this.index.add(account("001A", "2020-01-01T00:00:00Z", "acme.com", null));

        assertThat(this.resolver.resolve(1, "001L", "acme.com", "acme.com"))
            .isEqualTo(new MatchOutcome.Matched(linked, true));
    }

    @Test
    void aLinkToARecordGoneFromTheOrgFallsBackToTheDomain() {
        IndexedRecord acme = account("001A", "2020-01-01T00:00:00Z", "acme.com", null);
        this.index.add(acme);

        assertThat(this.resolver.resolve(1, "001GONE", "acme.com", "acme.com"))
            .isEqualTo(new MatchOutcome.Matched(acme, false));
    }

    @Test
    void treatsTwoAccountsOnOneDomainAsAmbiguousAndTakesTheOldest() {
        IndexedRecord newer = account("001B", "2022-01-01T00:00:00Z", "acme.com", null);
        IndexedRecord oldest = account("001Z", "2019-01-01T00:00:00Z", "acme.com", null);
        IndexedRecord sameAgeLowerId = account("001Y", "2019-01-01T00:00:00Z", "acme.com", null);
        this.index.add(newer);
        this.index.add(oldest);
        this.index.add(sameAgeLowerId);

        MatchOutcome outcome = this.resolver.resolve(1, null, "acme.com", "acme.com");

        assertThat(outcome).isInstanceOfSatisfying(MatchOutcome.Ambiguous.class, ambiguous -> {
            assertThat(ambiguous.record()).isEqualTo(sameAgeLowerId);
            assertThat(ambiguous.candidates()).containsExactly(sameAgeLowerId, oldest, newer);
            assertThat(MatchResolver.describe(ambiguous)).contains("took the oldest, 001Y", "001Z", "001B");
        });
    }

    @Test
    void skipsACompanyWithoutRootDomainAsInvalidDomain() {
        assertThat(this.resolver.resolve(1, null, null, "n/a"))
            .isEqualTo(new MatchOutcome.Skipped("INVALID_DOMAIN", "website 'n/a' has no root domain"));
        assertThat(this.resolver.resolve(2, null, null, null))
            .isEqualTo(new MatchOutcome.Skipped("INVALID_DOMAIN", "no website"));
    }

    @Test
    void theLowestCompanyIdOwnsASharedDomain() {
        assertThat(this.resolver.resolve(3, null, "acme.com", "acme.com")).isInstanceOf(MatchOutcome.New.class);

        assertThat(this.resolver.resolve(7, null, "acme.com", "https://ACME.com/x"))
            .isEqualTo(new MatchOutcome.Skipped("DUPLICATE_SOURCE_DOMAIN",
                    "'acme.com' belongs to company 3 (the lowest id owns it)"));
    }

    @Test
    void aDomainSyncedEarlierByAnotherCompanyMakesThisOneADuplicate() {
        this.index.add(account("001A", "2020-01-01T00:00:00Z", "acme.com", 2L));

        assertThat(this.resolver.resolve(9, null, "acme.com", "acme.com"))
            .isEqualTo(new MatchOutcome.Skipped("DUPLICATE_SOURCE_DOMAIN",
                    "'acme.com' is already synced to 001A by company 2"));
    }

    @Test
    void aLinkedCompanyKeepsItsDomainAgainstLaterDuplicates() {
        IndexedRecord acme = account("001A", "2020-01-01T00:00:00Z", "acme.com", 5L);
        this.index.add(acme);

        assertThat(this.resolver.resolve(5, "001A", "acme.com", "acme.com"))
            .isEqualTo(new MatchOutcome.Matched(acme, true));
        assertThat(this.resolver.resolve(6, null, "acme.com", "acme.com"))
            .isInstanceOf(MatchOutcome.Skipped.class);
    }

    @Test
    void usesContactWordingForContacts() {
        MatchResolver contacts = new MatchResolver(this.index, new KeyClaims(), MatchReasons.CONTACTS);

        assertThat(contacts.resolve(1, null, null, "jo@@acme"))
            .isEqualTo(new MatchOutcome.Skipped("INVALID_EMAIL", "email 'jo@@acme' has no valid address"));
    }

    private static IndexedRecord account(String id, String created, String domain, Long linkedSourceId) {
        return new IndexedRecord(id, Instant.parse(created), domain, Map.of(), linkedSourceId);
    }

}
