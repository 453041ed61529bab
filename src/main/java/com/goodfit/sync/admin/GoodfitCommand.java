package com.goodfit.sync.admin;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code goodfit-sync} command; every {@link CliCommand} bean is added as a subcommand.
 */
@Command(name = "goodfit-sync", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Syncs companies and contacts from PostgreSQL into Salesforce Accounts and Contacts.%n",
        commandListHeading = "%nCommands:%n",
        footer = { "%nRun 'goodfit-sync <command> --help' for a command's options.",
                "The database is the embedded one in ./goodfit-data unless SPRING_DATASOURCE_URL is set." })
class GoodfitCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(this.spec.commandLine(), "Missing command: see the list above");
    }

}
