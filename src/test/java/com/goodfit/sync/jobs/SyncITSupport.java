package com.goodfit.sync.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import com.goodfit.sync.emulator.SalesforceEmulator;
import com.goodfit.sync.support.EmulatorOrgExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Shared set-up of the sync integration tests: empty source tables, a fresh emulator registered as the org, and
 * helpers to write job definitions and read outcomes.
 */
abstract class SyncITSupport {

    @Autowired
    SyncLauncher launcher;

    @Autowired
    LocalOrgs localOrgs;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path jobsDir;

    SalesforceEmulator emulator;

    @BeforeEach
    void startOrg() {
        this.jdbc.update("DELETE FROM contacts");
        this.jdbc.update("DELETE FROM companies");
        this.jdbc.update("DELETE FROM sf_link");
        this.jdbc.update("DELETE FROM sf_record_index");
        this.emulator = startEmulator();
    }

    SalesforceEmulator startEmulator() {
        return EmulatorOrgExtension.start(this.localOrgs);
    }

    @AfterEach
    void stopOrg() {
        this.localOrgs.clear();
        this.emulator.close();
    }

    Path job(String name, String yaml) throws java.io.IOException {
        return Files.writeString(this.jobsDir.resolve(name + ".yml"), yaml);
    }

    List<List<Object>> outcomes(SyncLauncher.Launch launch) {
        return this.jdbc.query("SELECT source_id, outcome, COALESCE(reason, error_code) FROM sync_plan "
                + "WHERE job_instance_id = ? ORDER BY source_id", (rs, n) -> Arrays.asList(rs.getLong(1),
                        rs.getString(2), rs.getString(3)), launch.execution().getJobInstance().getInstanceId());
    }

    void company(long id, String name, String domain) {
        this.jdbc.update("INSERT INTO companies (id, name, domain) VALUES (?, ?, ?)", id, name, domain);
    }

    void companies(int count) {
        this.jdbc.batchUpdate("INSERT INTO companies (id, name, domain, employees) VALUES (?, ?, ?, ?)",
                java.util.stream.IntStream.rangeClosed(1, count)
                    .mapToObj(i -> new Object[] { (long) i, "Company " + i, "https://www.company" + i + ".com/", i })
                    .toList());
    }

}
