package com.goodfit.sync.admin;

/**
 * Marks a picocli {@code @Command} bean as a top-level subcommand of {@code goodfit-sync}. Implementations live
 * in the package of the capability they drive and return their exit code.
 */
public interface CliCommand extends java.util.concurrent.Callable<Integer> {

}
