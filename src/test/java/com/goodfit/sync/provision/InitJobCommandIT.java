package com.goodfit.sync.provision;

import java.nio.file.Files;
import java.nio.file.Path;

import com.goodfit.sync.admin.GoodfitCommandLine;
import com.goodfit.sync.mapping.FieldMapping;
import com.goodfit.sync.mapping.JobDefinition;
import com.goodfit.sync.mapping.JobDefinitionParser;
import com.goodfit.sync.mapping.SalesforceEnvironment;
import com.goodfit.sync.mapping.TargetField;
import com.goodfit.sync.mapping.UpdateStrategy;
import com.goodfit.sync.source.FieldDirectory;
import com.goodfit.sync.source.FieldDirectoryRepository;
import com.goodfit.sync.source.SourceObject;
import com.goodfit.sync.support.CommandRun;
import com.goodfit.sync.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresIntegrationTest
class InitJobCommandIT {

    @Autowired
    GoodfitCommandLine commandLine;

    @Autowired
    FieldDirectoryRepository fieldDirectory;

    @TempDir
    Path jobs;

    @Test
    void writesAJobThatParsesAndMapsEveryField() throws Exception {
        CommandRun run = CommandRun.of(this.commandLine, "init-job", "acme-salesforce", "--environment", "sandbox",
                "--jobs-dir", this.jobs.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path file = this.jobs.resolve("acme-salesforce.yml");
        assertThat(run.out()).contains("Wrote " + file);
        FieldDirectory directory = this.fieldDirectory.load();
        JobDefinition job = new JobDefinitionParser(directory).parse(file);
        assertThat(job.name()).isEqualTo("acme-salesforce");
        assertThat(job.salesforce().environment()).isEqualTo(SalesforceEnvironment.SANDBOX);
        assertThat(job.accountMappings()).extracting(FieldMapping::source)
            .containsExactlyInAnyOrderElementsOf(directory.fieldsOf(SourceObject.ACCOUNT)
                .stream()
                .map(f -> f.key())
                .toList());
        assertThat(job.contactMappings()).extracting(FieldMapping::source)
            .as("every contact field but the Account reference, which is left as a comment")
            .containsExactlyInAnyOrderElementsOf(directory.fieldsOf(SourceObject.CONTACT)
                .stream()
                .map(f -> f.key())
                .filter(key -> !key.equals(FieldDirectory.CONTACT_ACCOUNT))
                .toList());
        assertThat(Files.readString(file)).contains("# - source: account");
        assertThat(job.accountMappings().get(0).source()).as("the match key first").isEqualTo("domain");
        assertThat(target(job.accountMappings(), "domain")).satisfies(t -> {
            assertThat(t.field()).isEqualTo("Website");
            assertThat(t.strategy()).isEqualTo(UpdateStrategy.UPDATE_IF_EMPTY);
        });
        assertThat(target(job.accountMappings(), "employees").field()).isEqualTo("NumberOfEmployees");
        assertThat(target(job.accountMappings(), "score").field()).isEqualTo("Fit_Score_GoodFit__c");
        assertThat(target(job.accountMappings(), "linkedin_url").field()).isEqualTo("LinkedIn_URL_GoodFit__c");
        assertThat(target(job.accountMappings(), "is_hiring").strategy()).isEqualTo(UpdateStrategy.OVERRIDE);
        assertThat(target(job.contactMappings(), "seniority").field()).isEqualTo("Seniority_GoodFit__c");
        assertThat(target(job.contactMappings(), "last_name").field()).isEqualTo("LastName");
    }

    @Test
    void neverOverwritesAnExistingFile() throws Exception {
        Path file = Files.writeString(this.jobs.resolve("acme.yml"), "# mine\n");

        CommandRun run = CommandRun.of(this.commandLine, "init-job", "acme", "--jobs-dir", this.jobs.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("acme.yml exists already and was not overwritten");
        assertThat(Files.readString(file)).isEqualTo("# mine\n");
    }

    @Test
    void checksNameAndEnvironment() {
        assertThat(CommandRun.of(this.commandLine, "init-job", "Acme_Job", "--jobs-dir", this.jobs.toString()).err())
            .contains("job name 'Acme_Job' must be kebab-case");
        assertThat(CommandRun.of(this.commandLine, "init-job", "acme", "--environment", "my-domain", "--jobs-dir",
                this.jobs.toString()).err()).contains("--environment my-domain needs --login-url");
        CommandRun myDomain = CommandRun.of(this.commandLine, "init-job", "acme", "--environment", "my-domain",
                "--login-url", "https://acme.my.salesforce.com", "--jobs-dir", this.jobs.toString());
        assertThat(myDomain.exitCode()).as(myDomain.err()).isZero();
        JobDefinition job = new JobDefinitionParser(this.fieldDirectory.load()).parse(this.jobs.resolve("acme.yml"));
        assertThat(job.salesforce().loginUrl()).hasToString("https://acme.my.salesforce.com");
    }

    private static TargetField target(java.util.List<FieldMapping> mappings, String source) {
        return mappings.stream().filter(m -> m.source().equals(source)).findFirst().orElseThrow().targets().get(0);
    }

}
