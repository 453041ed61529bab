package com.goodfit.sync.plan;

import com.goodfit.sync.mapping.TargetField;
import com.goodfit.sync.mapping.UpdateStrategy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FieldStrategiesTests {

    private static final TargetField OVERRIDE = new TargetField("Industry", UpdateStrategy.OVERRIDE, false, false, 1);

    private static final TargetField IF_EMPTY = new TargetField("Name", UpdateStrategy.UPDATE_IF_EMPTY, false, false,
            1);

    private static final TargetField CLEARING = new TargetField("Description", UpdateStrategy.OVERRIDE, true, false,
            1);

    @Test
    void overrideWritesWhenTheValueDiffers() {
        assertThat(FieldStrategies.decide(OVERRIDE, ValueKind.TEXT, "Software", "Retail", false))
            .contains(new FieldChange("Industry", "Retail", "Software"));
    }

    @Test
    void overrideWritesNothingWhenTheValueIsTheSame() {
        assertThat(FieldStrategies.decide(OVERRIDE, ValueKind.TEXT, "Software", "Software", false)).isEmpty();
        TargetField employees = new TargetField("NumberOfEmployees", UpdateStrategy.OVERRIDE, false, false, 1);
        assertThat(FieldStrategies.decide(employees, ValueKind.NUMBER, 10, 10.0, false)).isEmpty();
    }

    @Test
    void updateIfEmptyWritesOnlyWhileSalesforceIsEmpty() {
        assertThat(FieldStrategies.decide(IF_EMPTY, ValueKind.TEXT, "Acme Inc", "Acme", false)).isEmpty();
        assertThat(FieldStrategies.decide(IF_EMPTY, ValueKind.TEXT, "Acme Inc", null, false))
            .contains(new FieldChange("Name", null, "Acme Inc"));
        assertThat(FieldStrategies.decide(IF_EMPTY, ValueKind.TEXT, "Acme Inc", "   ", false))
            .contains(new FieldChange("Name", null, "Acme Inc"));
    }

    @Test
    void aNullSourceValueNeverBlanksAFieldByDefault() {
        assertThat(FieldStrategies.decide(OVERRIDE, ValueKind.TEXT, null, "Retail", false)).isEmpty();
        assertThat(FieldStrategies.decide(OVERRIDE, ValueKind.TEXT, " ", "Retail", false)).isEmpty();
    }

    @Test
    void clearWhenEmptyBlanksAFieldThatHoldsAValue() {
        assertThat(FieldStrategies.decide(CLEARING, ValueKind.TEXT, null, "Old text", false))
            .contains(new FieldChange("Description", "Old text", null));
        assertThat(FieldStrategies.decide(CLEARING, ValueKind.TEXT, null, null, false)).isEmpty();
    }

    @Test
    void createSendsEveryNonEmptyValueAndNoNulls() {
        assertThat(FieldStrategies.decide(IF_EMPTY, ValueKind.TEXT, "Acme", null, true))
            .contains(new FieldChange("Name", null, "Acme"));
        assertThat(FieldStrategies.decide(CLEARING, ValueKind.TEXT, null, null, true)).isEmpty();
    }

}
