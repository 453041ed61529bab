package com.goodfit.sync.source;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import com.goodfit.sync.admin.ExitCodes;
import com.goodfit.sync.admin.UserFacingException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GenerateCommandTests {

    @Test
    void rejectsZeroNegativeAndAbsurdCompanyCounts() {
        assertThatThrownBy(() -> GenerateCommand.validate(0, 3)).isInstanceOf(UserFacingException.class)
            .hasMessage("--companies must be between 1 and 10,000,000 (got 0)");
        assertThatThrownBy(() -> GenerateCommand.validate(-5, 3))
            .hasMessage("--companies must be between 1 and 10,000,000 (got -5)");
        assertThatThrownBy(() -> GenerateCommand.validate(10_000_001, 3))
            .hasMessage("--companies must be between 1 and 10,000,000 (got 10000001)");
    }

    @Test
    void rejectsNegativeAndAbsurdContactsPerCompany() {
        assertThatThrownBy(() -> GenerateCommand.validate(10, -1))
            .hasMessage("--contacts-per-company must be between 0 and 100 (got -1)");
        assertThatThrownBy(() -> GenerateCommand.validate(10, 101))
            .hasMessage("--contacts-per-company must be between 0 and 100 (got 101)");
    }

    @Test
    void rejectsTooManyContactsInTotal() {
        assertThatThrownBy(() -> GenerateCommand.validate(10_000_000, 11)).isInstanceOf(UserFacingException.class)
            .extracting((ex) -> ((UserFacingException) ex).exitCode())
            .isEqualTo(ExitCodes.USER_ERROR);
    }

    @Test
    void acceptsTheLimitsThemselves() {
        assertThatNoException().isThrownBy(() -> GenerateCommand.validate(1, 0));
        assertThatNoException().isThrownBy(() -> GenerateCommand.validate(10_000_000, 10));
        assertThatNoException().isThrownBy(() -> GenerateCommand.validate(1_000_000, 100));
    }

    @Test
    void requiresCompaniesAndDefaultsTheRest() {
        GenerateCommand command = new GenerateCommand(unreachable());
        CommandLine commandLine = new CommandLine(command);
        assertThatThrownBy(() -> commandLine.parseArgs("--seed", "1")).isInstanceOf(ParameterException.class)
            .hasMessageContaining("--companies");
        assertThatThrownBy(() -> commandLine.parseArgs("--companies", "lots")).isInstanceOf(ParameterException.class)
            .hasMessageContaining("lots");
        commandLine.parseArgs("--companies", "5");
        assertThat(command.contactsPerCompany).isEqualTo(3);
        assertThat(command.seed).isEqualTo(42);
        assertThat(command.replace).isFalse();
    }

    @Test
    void reportsAnUnreachableDatabaseInOneLine() {
        GenerateCommand command = new GenerateCommand(unreachable());
        CommandLine commandLine = new CommandLine(command);
        commandLine.parseArgs("--companies", "5");
        assertThatThrownBy(command::call).isInstanceOf(UserFacingException.class)
            .hasMessageStartingWith("cannot connect to the database: ")
            .satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("\n"))
            .extracting((ex) -> ((UserFacingException) ex).exitCode())
            .isEqualTo(ExitCodes.UNAVAILABLE);
    }

    // Port 1 on the loopback interface refuses at once, so the test does not wait for a timeout.
    private static DataSource unreachable() {
        return new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2", "postgres", "");
    }

}
