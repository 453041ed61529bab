package com.goodfit.sync.emulator;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import com.goodfit.sync.admin.CliCommand;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code emulator}: runs a standalone Salesforce org emulator, seeded with realistic Accounts and Contacts, and
 * serves until interrupted. Prints the instance URL, a ready access token and the accepted credentials.
 */
@Component
@Command(name = "emulator", mixinStandardHelpOptions = true,
        description = "Run a local Salesforce org emulator (OAuth, SOQL, Collections, Bulk API 2.0, Tooling)"
                + " until Ctrl-C.")
class EmulatorCommand implements CliCommand {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", defaultValue = "8787",
            description = "Port on 127.0.0.1 (0 = any free port). Default: ${DEFAULT-VALUE}.")
    private int port;

    @Option(names = "--accounts", defaultValue = "100", description = "Accounts to seed. Default: ${DEFAULT-VALUE}.")
    private int accounts;

    @Option(names = "--contacts", defaultValue = "300",
            description = "Contacts to seed under them. Default: ${DEFAULT-VALUE}.")
    private int contacts;

    @Option(names = "--latency-ms", defaultValue = "0", description = "Fixed latency added to every data call, in ms.")
    private long latencyMs;

    @Option(names = "--per-record-latency-ms", defaultValue = "0",
            description = "Extra latency per record written or read, in ms.")
    private double perRecordLatencyMs;

    @Option(names = "--fail-share", defaultValue = "0", description = "Share (0..1) of data calls answered with 503.")
    private double failShare;

    @Option(names = "--lock-share", defaultValue = "0",
            description = "Share (0..1) of written records failing with UNABLE_TO_LOCK_ROW.")
    private double lockShare;

    @Option(names = "--daily-limit", defaultValue = "" + EmulatorControl.DEFAULT_DAILY_API_LIMIT,
            description = "Daily API request allowance. Default: ${DEFAULT-VALUE}.")
    private long dailyLimit;

    @Option(names = "--duplicate-rule", description = "Block Accounts whose Name already exists (DUPLICATES_DETECTED).")
    private boolean duplicateRule;

    @Option(names = "--validation-rule", description = "Reject Accounts with negative NumberOfEmployees.")
    private boolean validationRule;

    @Option(names = "--bulk-delay-ms", defaultValue = "500",
            description = "Delay before a closed Bulk job is processed, in ms. Default: ${DEFAULT-VALUE}.")
    private long bulkDelayMs;

    @Option(names = "--without-goodfit-id",
            description = "Start without the GoodFit_ID__c external ID fields (as before setup).")
    private boolean withoutGoodFitId;

    @Option(names = "--tls",
            description = "Serve HTTPS with a generated self-signed certificate (simple-salesforce needs https).")
    private boolean tls;

    @Option(names = "--deny-authorization",
            description = "Answer the OAuth authorisation endpoint with error=access_denied instead of approving.")
    private boolean denyAuthorization;

    @Option(names = "--seed", defaultValue = "42",
            description = "Random seed for data and faults. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Override
    public Integer call() throws InterruptedException {
        EmulatorOptions options = EmulatorOptions.defaults()
            .withPort(this.port)
            .withSeedAccounts(this.accounts)
            .withSeedContacts((this.accounts == 0) ? 0 : this.contacts)
            .withSeed(this.seed);
        if (this.tls) {
            options = options.withTls();
        }
        if (this.withoutGoodFitId) {
            options = options.withoutGoodFitIdField();
        }
        SalesforceEmulator emulator = SalesforceEmulator.start(options);
        emulator.control()
            .latency(Duration.ofMillis(this.latencyMs), Duration.ofNanos((long) (this.perRecordLatencyMs * 1_000_000)))
            .dailyApiLimit(this.dailyLimit)
            .accountDuplicateRule(this.duplicateRule)
            .validationRule(this.validationRule)
            .bulkProcessingDelay(Duration.ofMillis(this.bulkDelayMs))
            .denyAuthorization(this.denyAuthorization);
        if (this.failShare > 0) {
            emulator.control().failCalls(this.failShare, FailureKind.SERVER_UNAVAILABLE_503);
        }
        else if (this.lockShare > 0) {
            emulator.control().failCalls(this.lockShare, FailureKind.UNABLE_TO_LOCK_ROW);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "sf-emulator-shutdown"));
        EmulatorCredentials credentials = emulator.credentials();
        PrintWriter out = this.spec.commandLine().getOut();
        out.println("Salesforce emulator listening on " + emulator.url());
        out.printf("  instance_url   %s%n", emulator.url());
        out.printf("  token endpoint %s/services/oauth2/token%n", emulator.url());
        out.printf("  authorize      %s/services/oauth2/authorize (auto-approves%s)%n", emulator.url(),
                this.denyAuthorization ? "; now denying" : "");
        out.printf("  access_token   %s%n", credentials.accessToken());
        out.printf("  client_id      %s%n", credentials.clientId());
        out.printf("  client_secret  %s%n", credentials.clientSecret());
        out.printf("  username       %s%n", credentials.username());
        out.printf("  password       %s%n", credentials.password());
        out.printf("  refresh_token  %s%n", credentials.refreshToken());
        if (emulator.certificatePem() != null) {
            out.printf("  certificate    %s (self-signed; trust it or disable verification)%n",
                    emulator.certificatePem());
        }
        out.printf("  seeded         %d Accounts, %d Contacts%n", emulator.org().count("Account"),
                emulator.org().count("Contact"));
        out.println("Press Ctrl-C to stop.");
        out.flush();
        stopped.await();
        return 0;
    }

}
