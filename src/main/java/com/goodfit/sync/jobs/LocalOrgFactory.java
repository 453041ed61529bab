package com.goodfit.sync.jobs;

/**
 * Starts an in-process org for the demo and the benchmarks, and registers it as the org of
 * {@code environment: emulator} jobs until it is closed.
 */
public interface LocalOrgFactory {

    /**
     * @param threads request threads the org serves with
     * @return a started, empty org (apart from its schema)
     */
    LocalOrg start(int threads);

}
