package com.goodfit.sync.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh emulator with default options for each test, and a plain HTTP client for its API.
 */
abstract class EmulatorApiTestSupport {

    SalesforceEmulator emulator;

    ApiCalls api;

    @BeforeEach
    void startEmulator() {
        this.emulator = SalesforceEmulator.start(EmulatorOptions.defaults());
        this.api = new ApiCalls(this.emulator);
    }

    @AfterEach
    void stopEmulator() {
        this.emulator.close();
    }

}
