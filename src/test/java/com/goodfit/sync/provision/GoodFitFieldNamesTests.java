package com.goodfit.sync.provision;

import java.util.List;
import java.util.Map;

import com.goodfit.sync.source.FieldDefinition;
import com.goodfit.sync.source.FieldType;
import com.goodfit.sync.source.SourceObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GoodFitFieldNamesTests {

    @Test
    void namesFollowTheGoodFitPattern() {
        Map<String, GoodFitFieldNames.CustomFieldName> names = GoodFitFieldNames.assign(List.of(field("score",
                "Fit Score"), field("linkedin_url", "LinkedIn URL")));

        assertThat(names.get("score")).isEqualTo(new GoodFitFieldNames.CustomFieldName("Fit_Score_GoodFit__c",
                "Fit Score (GoodFit)"));
        assertThat(names.get("linkedin_url").apiName()).isEqualTo("LinkedIn_URL_GoodFit__c");
    }

    @Test
    void cleansLabelsToSalesforceRules() {
        Map<String, GoodFitFieldNames.CustomFieldName> names = GoodFitFieldNames.assign(List.of(
                field("a", "Employees -- (2024) / Total"), field("b", "2024 Revenue"), field("c", "Café Über Größe"),
                field("d", "!!!")));

        assertThat(names.get("a").apiName()).isEqualTo("Employees_2024_Total_GoodFit__c");
        assertThat(names.get("b").apiName()).isEqualTo("X2024_Revenue_GoodFit__c");
        assertThat(names.get("c").apiName()).isEqualTo("Cafe_Uber_Grosse_GoodFit__c");
        assertThat(names.get("d").apiName()).isEqualTo("Field_GoodFit__c");
        names.values().forEach(name -> assertThat(GoodFitFieldNames.isValidCustomName(name.apiName())).isTrue());
    }

    @Test
    void longLabelsAreCutToTheLimits() {
        String label = "Number of employees working remotely in the European Union";
        GoodFitFieldNames.CustomFieldName name = GoodFitFieldNames.assign(List.of(field("x", label))).get("x");

        assertThat(name.apiName()).isEqualTo("Number_of_employees_working_remo_GoodFit__c");
        assertThat(name.apiName().length() - "__c".length()).isEqualTo(40);
        assertThat(name.label()).isEqualTo("Number of employees working re (GoodFit)").hasSizeLessThanOrEqualTo(40);
        assertThat(GoodFitFieldNames.isValidCustomName(name.apiName())).isTrue();
    }

    @Test
    void clashingNamesAndLabelsGetDistinctOnes() {
        Map<String, GoodFitFieldNames.CustomFieldName> names = GoodFitFieldNames.assign(List.of(
                field("rev_a", "Revenue (USD)"), field("rev_b", "Revenue USD"), field("rev_c", "revenue usd"),
                field("rev_d", "Revenue (USD)")));

        assertThat(names.values()).extracting(GoodFitFieldNames.CustomFieldName::apiName)
            .containsExactly("Revenue_USD_GoodFit__c", "Revenue_USD_2_GoodFit__c", "revenue_usd_3_GoodFit__c",
                    "Revenue_USD_4_GoodFit__c");
        assertThat(names.values()).extracting(GoodFitFieldNames.CustomFieldName::label)
            .containsExactly("Revenue (USD) (GoodFit)", "Revenue USD (GoodFit)", "revenue usd 2 (GoodFit)",
                    "Revenue (USD) 2 (GoodFit)");
    }

    @Test
    void clashesOfLongNamesStayWithinTheLimit() {
        String label = "A very long label that certainly needs cutting down";
        Map<String, GoodFitFieldNames.CustomFieldName> names = GoodFitFieldNames.assign(List.of(field("a", label),
                field("b", label + " too")));

        assertThat(names.get("a").apiName()).isNotEqualTo(names.get("b").apiName());
        assertThat(names.get("b").apiName()).endsWith("_2_GoodFit__c");
        names.values().forEach(name -> assertThat(GoodFitFieldNames.isValidCustomName(name.apiName())).isTrue());
    }

    @Test
    void labelsOfNamesFromAJobDefinition() {
        assertThat(GoodFitFieldNames.labelOf("Fit_Score_GoodFit__c")).isEqualTo("Fit Score (GoodFit)");
        assertThat(GoodFitFieldNames.labelOf("Domain__c")).isEqualTo("Domain");
    }

    @Test
    void rejectsInvalidCustomNames() {
        assertThat(GoodFitFieldNames.isValidCustomName("Bad__Name__c")).isFalse();
        assertThat(GoodFitFieldNames.isValidCustomName("Trailing___c")).isFalse();
        assertThat(GoodFitFieldNames.isValidCustomName("1Starts_With_Digit__c")).isFalse();
        assertThat(GoodFitFieldNames.isValidCustomName("Name")).isFalse();
        assertThat(GoodFitFieldNames.isValidCustomName("A".repeat(41) + "__c")).isFalse();
        assertThat(GoodFitFieldNames.isValidCustomName("A".repeat(40) + "__c")).isTrue();
    }

    private static FieldDefinition field(String key, String label) {
        return new FieldDefinition(key, SourceObject.ACCOUNT, label, FieldType.NUMBER, null, 18, 0, List.of(), false);
    }

}
