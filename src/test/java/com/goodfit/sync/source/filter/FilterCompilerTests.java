package com.goodfit.sync.source.filter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.goodfit.sync.source.FieldDefinition;
import com.goodfit.sync.source.FieldDirectory;
import com.goodfit.sync.source.FieldType;
import com.goodfit.sync.source.SourceObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FilterCompilerTests {

    static final FieldDirectory DIRECTORY = new FieldDirectory(List.of(field("name", FieldType.TEXT, false),
            field("country", FieldType.TEXT, false), field("employees", FieldType.NUMBER, false),
            field("annual_revenue", FieldType.CURRENCY, false), field("tier", FieldType.PICKLIST, false),
            field("founded_on", FieldType.DATE, true), field("is_hiring", FieldType.BOOLEAN, true),
            field("total_funding", FieldType.CURRENCY, true),
            new FieldDefinition("email", SourceObject.CONTACT, "Email", FieldType.EMAIL, 80, null, null, List.of(),
                    false)));

    @Test
    void compilesComparisonsWithEveryValueAsATypedParameter() {
        CompiledFilter filter = compile("country = 'Germany' and employees >= 50");

        assertThat(filter.sql()).isEqualTo("((s.country = :p0) AND (s.employees >= :p1))");
        assertThat(filter.parameters()).containsEntry("p0", "Germany").containsEntry("p1", new BigDecimal("50"));
    }

    @Test
    void andBindsTighterThanOrAndNotTighterThanAnd() {
        CompiledFilter filter = compile("not tier = 'A' or name like 'Ac%' and employees < 10");

        assertThat(filter.sql())
            .isEqualTo("((NOT (s.tier = :p0)) OR ((s.name LIKE :p1) AND (s.employees < :p2)))");
    }

    @Test
    void parenthesesOverridePrecedence() {
        assertThat(compile("(tier = 'A' or tier = 'B') and country != 'US'").sql())
            .isEqualTo("(((s.tier = :p0) OR (s.tier = :p1)) AND (s.country <> :p2))");
    }

    @Test
    void keywordsAreCaseInsensitiveAndNullChecksCompile() {
        CompiledFilter filter = compile("TIER IN ('A', 'B') AND Country NOT IN ('US') AND name NOT LIKE '%x%' "
                + "AND country IS NULL OR annual_revenue is not null");

        assertThat(filter.sql()).isEqualTo("(((((s.tier IN (:p0, :p1)) AND (s.country NOT IN (:p2))) AND "
                + "(s.name NOT LIKE :p3)) AND (s.country IS NULL)) OR (s.annual_revenue IS NOT NULL))");
        assertThat(filter.parameters()).containsEntry("p3", "%x%");
    }

    @Test
    void dataPointsAreReadWithTheJsonOperatorWithTheKeyAsAParameter() {
        CompiledFilter filter = compile("founded_on >= date '2015-01-01' and is_hiring = true");

        assertThat(filter.sql()).contains("(s.data_points ->> :p0)").contains("CAST(").contains("AS DATE")
            .contains("LOWER(s.data_points ->> :p2) = :p3");
        assertThat(filter.parameters()).containsEntry("p0", "founded_on")
            .containsEntry("p1", LocalDate.of(2015, 1, 1))
            .containsEntry("p3", "true");
    }

    @Test
    void aDateFieldTakesAQuotedIsoDateToo() {
        assertThat(compile("founded_on < '2000-12-31'").parameters()).containsValue(LocalDate.of(2000, 12, 31));
    }

    @Test
    void quotesInsideStringsAreDoubled() {
        assertThat(compile("name = 'O''Reilly'").parameters()).containsEntry("p0", "O'Reilly");
    }

    @Test
    void negativeAndDecimalNumbers() {
        assertThat(compile("annual_revenue > -1.5").parameters()).containsEntry("p0", new BigDecimal("-1.5"));
    }

    @Test
    void syntaxErrorsNameTheColumn() {
        assertError("country = ", 11, "expected a value");
        assertError("country = 'Germany' and", 24, "expected a field name, found the end of the filter");
        assertError("(country = 'US'", 16, "expected ')' to close the '(' at column 1");
        assertError("country == 'US'", 10, "expected a value");
        assertError("country = 'US", 11, "string is not closed");
        assertError("country = \"US\"", 11, "strings are in single quotes");
        assertError("country 'US'", 9, "expected an operator");
        assertError("country = 'US' tier = 'A'", 16, "expected 'and', 'or' or the end of the filter");
        assertError("tier in 'A'", 9, "expected '(' after 'in'");
        assertError("tier in ('A' 'B')", 14, "expected ',' or ')'");
        assertError("country is 'US'", 12, "expected 'null' after 'is'");
        assertError("employees > 12abc", 13, "malformed number");
        assertError("country = 'x' ; drop table companies", 15, "unexpected character ';'");
    }

    @Test
    void unknownFieldsListTheValidOnes() {
        assertThatExceptionOfType(FilterException.class).isThrownBy(() -> compile("contry = 'US'"))
            .withMessage("invalid filter at column 1: unknown field 'contry'; the fields you can filter on are: "
                    + "annual_revenue, country, employees, founded_on, is_hiring, name, tier, total_funding");
    }

    @Test
    void contactFieldsAreNotCompanyFields() {
        assertError("email = 'a@b.com'", 1, "unknown field 'email'");
    }

    @Test
    void valuesMustFitTheFieldsType() {
        assertError("employees = 'fifty'", 13, "field 'employees' is a number field: expected a number");
        assertError("country = 42", 11, "field 'country' is a text field: expected a quoted text value");
        assertError("founded_on = '31/01/2020'", 14, "'31/01/2020' is not a date");
        assertError("is_hiring > true", 13, "compare it with = or != only");
        assertError("employees like '5%'", 1, "'like' needs a text field");
        assertError("is_hiring = 'yes'", 13, "expected true or false");
    }

    @Test
    void emptyAndDeeplyNestedFiltersAreRefused() {
        assertThatExceptionOfType(FilterException.class).isThrownBy(() -> compile("  "))
            .withMessageContaining("the filter is empty");
        assertThatExceptionOfType(FilterException.class)
            .isThrownBy(() -> compile("(".repeat(200) + "tier = 'A'" + ")".repeat(200)))
            .withMessageContaining("nested deeper than");
        assertThatExceptionOfType(FilterException.class).isThrownBy(() -> compile("not ".repeat(5000) + "tier = 'A'"))
            .withMessageContaining("nested deeper than");
    }

    @Test
    void hostileTextNeverReachesTheSql() {
        List<String> hostile = List.of("name = 'x''); DROP TABLE companies; --'",
                "name in ('a', 'b''); DELETE FROM sync_plan; --')",
                "name like '%'' OR ''1''=''1'", "country = '/* */ UNION SELECT * FROM pg_user --'");
        for (String filter : hostile) {
            CompiledFilter compiled = compile(filter);
            assertThat(compiled.sql()).as(filter).doesNotContain("DROP", "DELETE", "UNION", "--", "'", ";", "1=1");
            assertThat(compiled.parameters().values()).as(filter)
                .anySatisfy(value -> assertThat(value).asString().containsAnyOf("DROP", "OR", "DELETE", "UNION"));
        }
        // Backslashes escape nothing: the string ends at the second quote and the rest is refused, not run.
        assertError("name = '\\' OR 1=1 --'", 19, "unexpected character '-'");
        assertError("tier = 'A' or 1 = 1", 15, "expected a field name, found '1'");
        assertError("country = 'US') or (1 = 1", 15, "expected 'and', 'or' or the end");
    }

    @Test
    void dataPointFieldsAreRefusedOnTheEmbeddedDatabase() {
        assertThatExceptionOfType(FilterException.class)
            .isThrownBy(() -> new FilterCompiler(DIRECTORY, FilterDialect.H2, "p").compile("is_hiring = true"))
            .withMessageContaining("'is_hiring' is kept in the data_points JSON column")
            .withMessageContaining("PostgreSQL only");
        assertThat(new FilterCompiler(DIRECTORY, FilterDialect.H2, "p").compile("tier = 'A'").sql())
            .isEqualTo("(s.tier = :p0)");
    }

    private static CompiledFilter compile(String filter) {
        return new FilterCompiler(DIRECTORY, FilterDialect.POSTGRESQL, "p").compile(filter);
    }

    private static void assertError(String filter, int column, String message) {
        assertThatExceptionOfType(FilterException.class).as(filter)
            .isThrownBy(() -> compile(filter))
            .satisfies(ex -> assertThat(ex.column()).as(filter + ": " + ex.getMessage()).isEqualTo(column))
            .withMessageContaining(message);
    }

    private static FieldDefinition field(String key, FieldType type, boolean inDataPoints) {
        return new FieldDefinition(key, SourceObject.ACCOUNT, key, type, null, null, null, List.of(), inDataPoints);
    }

}
