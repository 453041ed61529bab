package com.goodfit.sync.provision;

import java.util.List;
import java.util.Map;

import com.goodfit.sync.source.FieldDefinition;
import com.goodfit.sync.source.FieldType;
import com.goodfit.sync.source.SourceObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CustomFieldTypesTests {

    @Test
    void fitsTypeLengthAndPrecisionToTheSourceDefinition() {
        assertThat(metadata(FieldType.TEXT, 80, null, null)).containsEntry("type", "Text").containsEntry("length", 80);
        assertThat(metadata(FieldType.TEXT, 32000, null, null)).containsEntry("type", "LongTextArea")
            .containsEntry("length", 32000)
            .containsEntry("visibleLines", 3);
        assertThat(metadata(FieldType.NUMBER, null, 5, 2)).containsEntry("type", "Number")
            .containsEntry("precision", 5)
            .containsEntry("scale", 2);
        assertThat(metadata(FieldType.CURRENCY, null, 18, 2)).containsEntry("type", "Currency");
        assertThat(metadata(FieldType.BOOLEAN, null, null, null)).containsEntry("type", "Checkbox")
            .containsEntry("defaultValue", "false");
        assertThat(metadata(FieldType.DATE, null, null, null)).containsEntry("type", "Date");
        assertThat(metadata(FieldType.URL, 255, null, null)).containsEntry("type", "Url").doesNotContainKey("length");
        assertThat(metadata(FieldType.EMAIL, 80, null, null)).containsEntry("type", "Email");
        assertThat(metadata(FieldType.PHONE, 40, null, null)).containsEntry("type", "Phone");
    }

    @Test
    void picklistsCarryTheirValues() {
        FieldDefinition tier = new FieldDefinition("tier", SourceObject.ACCOUNT, "Tier", FieldType.PICKLIST, 20, null,
                null, List.of("A", "B"), false);

        Map<String, Object> metadata = CustomFieldTypes.metadataOf(tier, "Tier (GoodFit)").metadata();

        assertThat(metadata).containsEntry("type", "Picklist");
        assertThat(metadata.get("valueSet").toString()).contains("fullName=A").contains("fullName=B");
    }

    @Test
    void saysWhyASourceFieldHasNoCustomFieldType() {
        assertThat(problem(FieldType.NUMBER, null, 30, 0)).contains("precision 30 and scale 0 do not fit");
        assertThat(problem(FieldType.TEXT, 200_000, null, null)).contains("text of length 200000 does not fit");
        assertThat(problem(FieldType.PICKLIST, 20, null, null)).contains("a picklist needs values");
        assertThat(problem(FieldType.REFERENCE, 18, null, null)).contains("map it to a standard lookup");
    }

    private static Map<String, Object> metadata(FieldType type, Integer length, Integer precision, Integer scale) {
        CustomFieldTypes.Result result = CustomFieldTypes.metadataOf(field(type, length, precision, scale), "L");
        assertThat(result.problem()).isNull();
        return result.metadata();
    }

    private static String problem(FieldType type, Integer length, Integer precision, Integer scale) {
        CustomFieldTypes.Result result = CustomFieldTypes.metadataOf(field(type, length, precision, scale), "L");
        assertThat(result.metadata()).isNull();
        return result.problem();
    }

    private static FieldDefinition field(FieldType type, Integer length, Integer precision, Integer scale) {
        return new FieldDefinition("f", SourceObject.ACCOUNT, "F", type, length, precision, scale, List.of(), false);
    }

}
