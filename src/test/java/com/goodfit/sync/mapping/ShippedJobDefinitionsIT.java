package com.goodfit.sync.mapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.goodfit.sync.source.FieldDirectoryRepository;
import com.goodfit.sync.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every job definition shipped in {@code jobs/} reads cleanly against the seeded data directory.
 */
@PostgresIntegrationTest
class ShippedJobDefinitionsIT {

    @Autowired
    FieldDirectoryRepository fieldDirectory;

    @Test
    void everyShippedJobDefinitionIsValid() throws IOException {
        JobDefinitionParser parser = new JobDefinitionParser(this.fieldDirectory.load());
        List<Path> files;
        try (Stream<Path> listing = Files.list(Path.of("jobs"))) {
            files = listing.filter(path -> path.toString().endsWith(".yml")).sorted().toList();
        }

        assertThat(files).extracting(path -> path.getFileName().toString())
            .contains("demo.yml", "example-production.yml");
        assertThat(files).allSatisfy(file -> assertThat(parser.parse(file).name())
            .isEqualTo(file.getFileName().toString().replace(".yml", "")));
    }

    @Test
    void theDemoSyncsContactsAndTheExampleReadsItsScheduleAndGrant() {
        JobDefinitionParser parser = new JobDefinitionParser(this.fieldDirectory.load());

        JobDefinition demo = parser.parse(Path.of("jobs/demo.yml"));
        JobDefinition production = parser.parse(Path.of("jobs/example-production.yml"));

        assertThat(demo.salesforce().environment()).isEqualTo(SalesforceEnvironment.EMULATOR);
        assertThat(demo.contactMode()).isEqualTo(ContactMode.CREATE_AND_UPDATE);
        assertThat(demo.contactMappings()).isNotEmpty();
        assertThat(production.salesforce().auth()).isEqualTo(AuthGrant.JWT_BEARER);
        assertThat(production.schedule()).isEqualTo("0 0 2 * * *");
        assertThat(production.contactMode()).isEqualTo(ContactMode.UPDATE_ONLY);
        assertThat(production.accountMappings().get(0).targets()).extracting(TargetField::field)
            .containsExactly("Website", "Domain_GoodFit__c");
    }

}
