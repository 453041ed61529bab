package com.goodfit.sync.support;

import com.goodfit.sync.emulator.EmulatorOptions;
import com.goodfit.sync.emulator.SalesforceEmulator;
import com.goodfit.sync.jobs.LocalOrgs;
import com.goodfit.sync.salesforce.OAuthGrant;

/**
 * Starts an in-process emulator and registers it as the org of {@code environment: emulator} jobs.
 */
public final class EmulatorOrgExtension {

    private EmulatorOrgExtension() {
    }

    public static SalesforceEmulator start(LocalOrgs localOrgs) {
        return start(localOrgs, EmulatorOptions.defaults());
    }

    public static SalesforceEmulator start(LocalOrgs localOrgs, EmulatorOptions options) {
        SalesforceEmulator emulator = SalesforceEmulator.start(options);
        register(localOrgs, emulator);
        return emulator;
    }

    public static void register(LocalOrgs localOrgs, SalesforceEmulator emulator) {
        localOrgs.register(emulator.url(), new OAuthGrant.RefreshToken(emulator.credentials().clientId(),
                emulator.credentials().clientSecret(), emulator.credentials().refreshToken()));
    }

}
