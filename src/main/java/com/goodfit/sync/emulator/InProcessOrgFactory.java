package com.goodfit.sync.emulator;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.goodfit.sync.jobs.LocalOrg;
import com.goodfit.sync.jobs.LocalOrgFactory;
import com.goodfit.sync.jobs.LocalOrgs;
import com.goodfit.sync.salesforce.OAuthGrant;

import org.springframework.stereotype.Component;

/**
 * Starts the emulator in this process for the demo and the benchmarks, so they need no other process or network.
 */
@Component
class InProcessOrgFactory implements LocalOrgFactory {

    private final LocalOrgs localOrgs;

    InProcessOrgFactory(LocalOrgs localOrgs) {
        this.localOrgs = localOrgs;
    }

    @Override
    public LocalOrg start(int threads) {
        SalesforceEmulator emulator = SalesforceEmulator.start(EmulatorOptions.defaults().withThreads(threads));
        EmulatorCredentials credentials = emulator.credentials();
        OAuthGrant grant = new OAuthGrant.RefreshToken(credentials.clientId(), credentials.clientSecret(),
                credentials.refreshToken());
        this.localOrgs.register(emulator.url(), grant);
        return new EmulatedOrg(emulator, grant, this.localOrgs);
    }

    @Override
    public LocalOrg startSeparate(int latencyMs) throws Exception {
        return ChildProcessOrg.start(latencyMs, this.localOrgs);
    }

    private record EmulatedOrg(SalesforceEmulator emulator, OAuthGrant grant, LocalOrgs localOrgs) implements LocalOrg {

        @Override
        public URI url() {
            return this.emulator.url();
        }

        @Override
        public String insert(String sobject, Map<String, Object> fields, Instant createdDate) {
            return this.emulator.org().insert(sobject, fields, createdDate);
        }

        @Override
        public List<Map<String, Object>> all(String sobject) {
            return this.emulator.org().all(sobject);
        }

        @Override
        public long count(String sobject) {
            return this.emulator.org().count(sobject);
        }

        @Override
        public Map<String, Long> calls() {
            return this.emulator.calls().snapshot();
        }

        @Override
        public void latency(Duration perCall) {
            this.emulator.control().latency(perCall, Duration.ZERO);
        }

        @Override
        public void close() {
            this.localOrgs.clear();
            this.emulator.close();
        }

    }

}
