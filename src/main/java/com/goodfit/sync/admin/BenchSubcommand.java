package com.goodfit.sync.admin;

/**
 * Marks a picocli {@code @Command} bean as a subcommand of {@code bench}. Implementations live in the package of
 * what they measure and return their exit code.
 */
public interface BenchSubcommand extends java.util.concurrent.Callable<Integer> {

}
