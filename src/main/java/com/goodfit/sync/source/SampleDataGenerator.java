package com.goodfit.sync.source;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Generates realistic, deliberately messy companies and contacts from a {@link SampleDataSpec}: the same spec
 * gives the same rows, value for value, whatever database they go to. Rows are produced lazily, so millions
 * of them stream in constant memory. Not thread-safe; iterators are independent.
 */
public final class SampleDataGenerator {

    private final SampleDataSpec spec;

    private final SampleCompanies companies;

    private final SampleContacts contacts;

    /** Builds the value pools with datafaker, which takes a second or so. */
    public SampleDataGenerator(SampleDataSpec spec) {
        this(spec, SampleVocabulary.fromDatafaker(spec.seed()));
    }

    SampleDataGenerator(SampleDataSpec spec, SampleVocabulary vocabulary) {
        RowRandom random = new RowRandom(spec.seed());
        DomainIdentities identities = new DomainIdentities(random, vocabulary);
        this.spec = spec;
        this.companies = new SampleCompanies(random, vocabulary, identities, spec.fundingStages());
        this.contacts = new SampleContacts(random, vocabulary, identities, spec);
    }

    /** The company with the given id (1 to the spec's count). */
    public SampleCompany company(long id) {
        return this.companies.company(id);
    }

    /** Every company, in id order. */
    public Iterator<SampleCompany> companies() {
        return new Iterator<>() {

            private long next = 1;

            @Override
            public boolean hasNext() {
                return this.next <= SampleDataGenerator.this.spec.companies();
            }

            @Override
            public SampleCompany next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return company(this.next++);
            }

        };
    }

    /** Every contact, in id order, which is also company order. */
    public Iterator<SampleContact> contacts() {
        return new Iterator<>() {

            private long company;

            private long nextId = 1;

            private Iterator<SampleContact> batch = List.<SampleContact>of().iterator();

            @Override
            public boolean hasNext() {
                while (!this.batch.hasNext() && this.company < SampleDataGenerator.this.spec.companies()) {
                    List<SampleContact> contacts = SampleDataGenerator.this.contacts.of(++this.company, this.nextId);
                    this.nextId += contacts.size();
                    this.batch = contacts.iterator();
                }
                return this.batch.hasNext();
            }

            @Override
            public SampleContact next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return this.batch.next();
            }

        };
    }

}
