package com.goodfit.sync.emulator;

/**
 * How to start an emulator.
 *
 * @param port the port to bind on 127.0.0.1 (0 = ephemeral)
 * @param seedAccounts how many realistic Accounts to create at start
 * @param seedContacts how many realistic Contacts to create at start, spread over the seeded Accounts
 * @param seed the random seed for seeded data and fault injection
 * @param withGoodFitIdField whether Account and Contact have the {@code GoodFit_ID__c} external ID
 * @param threads how many request threads serve HTTP
 */
public record EmulatorOptions(int port, int seedAccounts, int seedContacts, long seed, boolean withGoodFitIdField,
        int threads) {

    public EmulatorOptions {
        if (seedContacts > 0 && seedAccounts == 0) {
            throw new IllegalArgumentException("Seeded Contacts need seeded Accounts");
        }
    }

    /** Ephemeral port, empty org with {@code GoodFit_ID__c}, seed 42, 64 request threads. */
    public static EmulatorOptions defaults() {
        return new EmulatorOptions(0, 0, 0, 42, true, 64);
    }

    public EmulatorOptions withPort(int port) {
        return new EmulatorOptions(port, this.seedAccounts, this.seedContacts, this.seed, this.withGoodFitIdField,
                this.threads);
    }

    public EmulatorOptions withSeedAccounts(int seedAccounts) {
        return new EmulatorOptions(this.port, seedAccounts, this.seedContacts, this.seed, this.withGoodFitIdField,
                this.threads);
    }

    public EmulatorOptions withSeedContacts(int seedContacts) {
        return new EmulatorOptions(this.port, this.seedAccounts, seedContacts, this.seed, this.withGoodFitIdField,
                this.threads);
    }

    public EmulatorOptions withSeed(long seed) {
        return new EmulatorOptions(this.port, this.seedAccounts, this.seedContacts, seed, this.withGoodFitIdField,
                this.threads);
    }

    /** An org whose Account and Contact lack the {@code GoodFit_ID__c} field (as before setup). */
    public EmulatorOptions withoutGoodFitIdField() {
        return new EmulatorOptions(this.port, this.seedAccounts, this.seedContacts, this.seed, false, this.threads);
    }

    public EmulatorOptions withThreads(int threads) {
        return new EmulatorOptions(this.port, this.seedAccounts, this.seedContacts, this.seed,
                this.withGoodFitIdField, threads);
    }

}
