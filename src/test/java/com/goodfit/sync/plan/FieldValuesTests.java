package com.goodfit.sync.plan;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FieldValuesTests {

    @Test
    void treatsNullEmptyAndBlankAsEmpty() {
        assertThat(FieldValues.isEmpty(null)).isTrue();
        assertThat(FieldValues.isEmpty("")).isTrue();
        assertThat(FieldValues.isEmpty("  \t")).isTrue();
        assertThat(FieldValues.isEmpty("x")).isFalse();
        assertThat(FieldValues.isEmpty(0)).isFalse();
        assertThat(FieldValues.isEmpty(false)).isFalse();
    }

    @Test
    void comparesEmailsIgnoringCaseAndSpacesAndSendsThemTrimmed() {
        assertThat(FieldValues.same(ValueKind.EMAIL, " Jane@Acme.com ", "JANE@acme.COM")).isTrue();
        assertThat(FieldValues.same(ValueKind.EMAIL, "jane@acme.com", "jane@acme.org")).isFalse();
        assertThat(FieldValues.toSalesforce(ValueKind.EMAIL, " Jane@Acme.com ")).isEqualTo("Jane@Acme.com");
        assertThat(ValueKind.ofSalesforceType("email")).isEqualTo(ValueKind.EMAIL);
    }

    @Test
    void comparesNumbersByValueWhateverTheirType() {
        assertThat(FieldValues.same(ValueKind.NUMBER, 10, 10.0)).isTrue();
        assertThat(FieldValues.same(ValueKind.NUMBER, new BigDecimal("1500000.00"), 1.5e6)).isTrue();
        assertThat(FieldValues.same(ValueKind.NUMBER, 10L, "10")).isTrue();
        assertThat(FieldValues.same(ValueKind.NUMBER, 10, 11)).isFalse();
        assertThat(FieldValues.same(ValueKind.NUMBER, new BigDecimal("0.1"), 0.10000001)).isFalse();
    }

    @Test
    void comparesDatesAndDatetimesAsTime() {
        assertThat(FieldValues.same(ValueKind.DATE, LocalDate.of(2024, 5, 20), "2024-05-20")).isTrue();
        assertThat(FieldValues.same(ValueKind.DATE, java.sql.Date.valueOf("2024-05-20"), "2024-05-21")).isFalse();
        assertThat(FieldValues.same(ValueKind.DATETIME, Timestamp.from(Instant.parse("2024-05-20T20:49:32Z")),
                "2024-05-20T20:49:32.000+0000"))
            .isTrue();
        assertThat(FieldValues.same(ValueKind.DATETIME, "2024-05-20T22:49:32.000+02:00",
                "2024-05-20T20:49:32.000+0000"))
            .isTrue();
    }

    @ParameterizedTest
    @CsvSource({ "true, true, true", "TRUE, true, true", "1, true, true", "false, true, false", "no, false, true" })
    void comparesBooleansByMeaning(String source, boolean current, boolean same) {
        assertThat(FieldValues.same(ValueKind.BOOLEAN, source, current)).isEqualTo(same);
    }

    @Test
    void treatsBlankAndNullAsTheSameButNotAsAValue() {
        assertThat(FieldValues.same(ValueKind.TEXT, "", null)).isTrue();
        assertThat(FieldValues.same(ValueKind.TEXT, " ", null)).isTrue();
        assertThat(FieldValues.same(ValueKind.TEXT, "a", null)).isFalse();
        assertThat(FieldValues.same(ValueKind.NUMBER, 0, null)).isFalse();
    }

    @Test
    void comparesTextExactlyIncludingCase() {
        assertThat(FieldValues.same(ValueKind.TEXT, "Acme", "Acme")).isTrue();
        assertThat(FieldValues.same(ValueKind.TEXT, "Acme", "ACME")).isFalse();
    }

    @Test
    void fallsBackToTextForValuesThatAreNotOfTheKind() {
        assertThat(FieldValues.same(ValueKind.NUMBER, "n/a", "n/a")).isTrue();
        assertThat(FieldValues.same(ValueKind.NUMBER, "n/a", 5)).isFalse();
    }

    @Test
    void sendsValuesInSalesforceForm() {
        assertThat(FieldValues.toSalesforce(ValueKind.NUMBER, new BigDecimal("1500000.00")))
            .isEqualTo(new BigDecimal("1500000"));
        assertThat(FieldValues.toSalesforce(ValueKind.NUMBER, new BigDecimal("12.50")))
            .isEqualTo(new BigDecimal("12.5"));
        assertThat(FieldValues.toSalesforce(ValueKind.DATE, LocalDate.of(2024, 1, 2))).isEqualTo("2024-01-02");
        assertThat(FieldValues.toSalesforce(ValueKind.DATETIME, Timestamp.from(Instant.parse("2024-05-20T20:49:32Z"))))
            .isEqualTo("2024-05-20T20:49:32Z");
        assertThat(FieldValues.toSalesforce(ValueKind.BOOLEAN, "yes")).isEqualTo(true);
        assertThat(FieldValues.toSalesforce(ValueKind.TEXT, 42)).isEqualTo("42");
    }

    @Test
    void mapsSalesforceTypesToKinds() {
        assertThat(ValueKind.ofSalesforceType("currency")).isEqualTo(ValueKind.NUMBER);
        assertThat(ValueKind.ofSalesforceType("int")).isEqualTo(ValueKind.NUMBER);
        assertThat(ValueKind.ofSalesforceType("date")).isEqualTo(ValueKind.DATE);
        assertThat(ValueKind.ofSalesforceType("datetime")).isEqualTo(ValueKind.DATETIME);
        assertThat(ValueKind.ofSalesforceType("boolean")).isEqualTo(ValueKind.BOOLEAN);
        assertThat(ValueKind.ofSalesforceType("url")).isEqualTo(ValueKind.TEXT);
    }

}
