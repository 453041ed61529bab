package com.goodfit.sync.provision;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import com.goodfit.sync.admin.CliCommand;
import com.goodfit.sync.admin.ExitCodes;
import com.goodfit.sync.admin.UserFacingException;
import com.goodfit.sync.connect.JobFiles;
import com.goodfit.sync.jobs.ConnectionResolver;
import com.goodfit.sync.mapping.JobDefinition;
import com.goodfit.sync.mapping.JobDefinitionParser;
import com.goodfit.sync.salesforce.OrgIdentity;
import com.goodfit.sync.salesforce.SalesforceAuthException;
import com.goodfit.sync.salesforce.SalesforceClientFactory;
import com.goodfit.sync.salesforce.SalesforceClients;
import com.goodfit.sync.salesforce.SalesforceConfigurationException;
import com.goodfit.sync.salesforce.SalesforceTransientException;
import com.goodfit.sync.source.FieldDirectory;
import com.goodfit.sync.source.FieldDirectoryRepository;

import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code provision-fields <job> [--dry-run]}: creates the custom fields a job maps but the org lacks, plus
 * {@code GoodFit_ID__c} on Account and Contact, and grants the integration user read/edit on them through the
 * {@value PermissionSetGrant#NAME} permission set. Works on a job that the runner would still reject for those
 * missing fields: it reads the job definition only, not the org's validation.
 */
@Component
@Command(name = "provision-fields", mixinStandardHelpOptions = true,
        description = "Create the GoodFit custom fields a job needs in its org and grant the integration user access.")
class ProvisionFieldsCommand implements CliCommand {

    private final FieldDirectoryRepository fieldDirectory;

    private final ConnectionResolver connections;

    private final SalesforceClientFactory clientFactory;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<job>", description = "A job name (jobs/<job>.yml) or a job file.")
    private String job;

    @Option(names = "--dry-run", defaultValue = "false", description = "List exactly what would be created; change nothing.")
    private boolean dryRun;

    ProvisionFieldsCommand(FieldDirectoryRepository fieldDirectory, ConnectionResolver connections,
            SalesforceClientFactory clientFactory) {
        this.fieldDirectory = fieldDirectory;
        this.connections = connections;
        this.clientFactory = clientFactory;
    }

    @Override
    public Integer call() {
        FieldDirectory directory = this.fieldDirectory.load();
        JobDefinition definition = new JobDefinitionParser(directory).parse(JobFiles.find(this.job));
        SalesforceClients clients = this.clientFactory.connect(this.connections.resolve(definition));
        PrintWriter out = this.spec.commandLine().getOut();
        try {
            return provision(definition, directory, clients, out);
        }
        catch (SalesforceTransientException ex) {
            throw new UserFacingException("Salesforce could not be reached: " + ex.getMessage(), ExitCodes.UNAVAILABLE,
                    ex);
        }
        catch (SalesforceAuthException ex) {
            throw new UserFacingException("cannot log in to the org of job '" + definition.name() + "': "
                    + ex.getMessage() + " (run 'goodfit-sync connect " + definition.name() + "')",
                    ExitCodes.USER_ERROR, ex);
        }
        catch (SalesforceConfigurationException ex) {
            throw new UserFacingException("the integration user may not change the org's setup: " + ex.getMessage()
                    + " (it needs 'Customize Application', 'Manage Profiles and Permission Sets' and 'Assign "
                    + "Permission Sets')", ExitCodes.USER_ERROR, ex);
        }
    }

    private int provision(JobDefinition definition, FieldDirectory directory, SalesforceClients clients,
            PrintWriter out) {
        List<PlannedField> plan = new FieldProvisionPlanner(directory).plan(definition, clients);
        OrgIdentity user = clients.identity().current();
        String verb = this.dryRun ? "would create" : "create";
        out.println("Provisioning fields of job '" + definition.name() + "' as " + user.username()
                + (this.dryRun ? " (dry run: nothing is changed)" : ""));
        List<PlannedField.Create> creates = new ArrayList<>();
        List<String> grants = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (PlannedField field : plan) {
            if (field instanceof PlannedField.Create create) {
                creates.add(create);
                out.println("  " + verb + " field " + create.fullName() + " \"" + create.label() + "\" "
                        + CustomFieldTypes.describe(create.metadata()));
            }
            else if (field instanceof PlannedField.Uncreatable uncreatable) {
                problems.add("cannot create " + uncreatable.fullName() + ": " + uncreatable.reason());
            }
            else if (field instanceof PlannedField.Exists exists) {
                grants.add(exists.fullName());
            }
        }
        if (!this.dryRun && !creates.isEmpty()) {
            FieldProvisioner.Outcome outcome = new FieldProvisioner(clients).create(creates);
            grants.addAll(outcome.present());
            outcome.failed().forEach(failure -> problems.add("Salesforce refused to create " + failure));
        }
        else {
            creates.forEach(create -> grants.add(create.fullName()));
        }
        List<String> access = new PermissionSetGrant(clients).grant(grants, user, this.dryRun);
        access.forEach(action -> out.println("  " + (this.dryRun ? "would " : "") + action));
        if (creates.isEmpty() && access.isEmpty() && problems.isEmpty()) {
            out.println("  nothing to do: every field exists and " + user.username() + " can read and edit them");
        }
        else {
            out.println((this.dryRun ? "Would create " : "Created ") + creates.size() + " field(s) and "
                    + access.size() + " access change(s)" + (problems.isEmpty() ? "." : "; " + problems.size()
                            + " problem(s)."));
        }
        problems.forEach(problem -> this.spec.commandLine()
            .getErr()
            .println(this.spec.commandLine().getColorScheme().errorText("error: " + problem)));
        return problems.isEmpty() ? ExitCodes.OK : ExitCodes.USER_ERROR;
    }

}
