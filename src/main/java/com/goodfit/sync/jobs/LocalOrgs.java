package com.goodfit.sync.jobs;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import com.goodfit.sync.salesforce.OAuthGrant;

import org.springframework.stereotype.Component;

/**
 * Where jobs with {@code environment: emulator} find their org: the emulator that the demo or a benchmark started
 * in this process registers itself here.
 */
@Component
public class LocalOrgs {

    private final AtomicReference<LocalOrg> current = new AtomicReference<>();

    /**
     * @param url the emulator's URL (login host and instance)
     * @param grant the credentials it accepts
     */
    public void register(URI url, OAuthGrant grant) {
        this.current.set(new LocalOrg(url, grant));
    }

    public void clear() {
        this.current.set(null);
    }

    Optional<LocalOrg> current() {
        return Optional.ofNullable(this.current.get());
    }

    record LocalOrg(URI url, OAuthGrant grant) {
    }

}
