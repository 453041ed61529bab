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

    /**
     * Starts the org in a JVM of its own, so this process's heap holds none of its records.
     * @param latencyMs latency the org adds to every call
     * @return a started, empty org; closing it ends the process
     * @throws Exception when the process cannot be started or does not come up
     */
    LocalOrg startSeparate(int latencyMs) throws Exception;

}
