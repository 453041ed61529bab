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
 * @param tls whether to serve HTTPS with a generated self-signed certificate (for clients that require it)
 */
public record EmulatorOptions(int port, int seedAccounts, int seedContacts, long seed, boolean withGoodFitIdField,
        int threads, boolean tls) {

    /** Options served over plain HTTP. */
    public EmulatorOptions(int port, int seedAccounts, int seedContacts, long seed, boolean withGoodFitIdField,
            int threads) {
        this(port, seedAccounts, seedContacts, seed, withGoodFitIdField, threads, false);
    }

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
        return new EmulatorOptions(port, this.seedAccounts, this.seedContacts, this.seed,
                this.withGoodFitIdField, this.threads, this.tls);
    }

    public EmulatorOptions withSeedAccounts(int seedAccounts) {
        return new EmulatorOptions(this.port, seedAccounts, this.seedContacts, this.seed,
                this.withGoodFitIdField, this.threads, this.tls);
    }

    public EmulatorOptions withSeedContacts(int seedContacts) {
        return new EmulatorOptions(this.port, this.seedAccounts, seedContacts, this.seed,
                this.withGoodFitIdField, this.threads, this.tls);
    }

    public EmulatorOptions withSeed(long seed) {
        return new EmulatorOptions(this.port, this.seedAccounts, this.seedContacts, seed,
                this.withGoodFitIdField, this.threads, this.tls);
    }

    /** An org whose Account and Contact lack the {@code GoodFit_ID__c} field (as before setup). */
    public EmulatorOptions withoutGoodFitIdField() {
        return new EmulatorOptions(this.port, this.seedAccounts, this.seedContacts, this.seed,
                false, this.threads, this.tls);
    }

    /** Serve HTTPS on a self-signed certificate for 127.0.0.1 (see {@link SalesforceEmulator#certificatePem()}). */
    public EmulatorOptions withTls() {
        return new EmulatorOptions(this.port, this.seedAccounts, this.seedContacts, this.seed,
                this.withGoodFitIdField, this.threads, true);
    }

    public EmulatorOptions withThreads(int threads) {
        return new EmulatorOptions(this.port, this.seedAccounts, this.seedContacts, this.seed,
                this.withGoodFitIdField, threads, this.tls);
    }

}
