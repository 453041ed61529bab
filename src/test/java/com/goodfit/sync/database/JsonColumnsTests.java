package com.goodfit.sync.database;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class JsonColumnsTests {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JsonMapper mapper = JsonMapper.builder().build();

    private final JsonColumns columns = new JsonColumns(this.mapper);

    @Test
    void valuesRoundTripExactlyAsTheMapperWritesAndBindsThem() {
        Map<String, Object> values = sample();

        String written = this.columns.writeValues(values);

        assertThat(written).isEqualTo(this.mapper.writeValueAsString(values));
        assertThat(this.columns.readValues(written)).isEqualTo(this.mapper.readValue(written, MAP))
            .containsEntry("Big", new BigInteger("123456789012345678901234567890"))
            .containsEntry("Ratio", 0.25)
            .containsEntry("Count", 42)
            .containsEntry("Wide", 9_000_000_000L);
        assertThat(List.copyOf(this.columns.readValues(written).keySet())).isEqualTo(List.copyOf(values.keySet()));
    }

    @Test
    void changesAreWrittenAsFromToPairsAndReadBackAsTheNewValues() {
        String changes = this.columns.writeChanges(sink -> {
            sink.change("Name", null, "Acme, \"Inc\"\nLtd ü");
            sink.change("NumberOfEmployees", 10, 11);
            sink.change("Description", "old", null);
        });

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("Name", fromTo(null, "Acme, \"Inc\"\nLtd ü"));
        expected.put("NumberOfEmployees", fromTo(10, 11));
        expected.put("Description", fromTo("old", null));
        assertThat(changes).isEqualTo(this.mapper.writeValueAsString(expected));
        Map<String, Object> newValues = this.columns.readNewValues(changes);
        assertThat(newValues).containsEntry("Name", "Acme, \"Inc\"\nLtd ü")
            .containsEntry("NumberOfEmployees", 11)
            .containsEntry("Description", null)
            .hasSize(3);
    }

    @Test
    void nestedValuesAreLeftToTheMapperAndNullColumnsReadAsEmpty() {
        String json = "{\"Address\":{\"city\":\"Paris\",\"lines\":[\"a\",\"b\"]},\"Flag\":true}";

        assertThat(this.columns.readValues(json)).isEqualTo(this.mapper.readValue(json, MAP));
        assertThat(this.columns.readNewValues("{\"Address\":{\"from\":{\"x\":[1]},\"to\":[1,2]}}"))
            .containsEntry("Address", List.of(1, 2));
        assertThat(this.columns.readValues(null)).isEmpty();
        assertThat(this.columns.readNewValues(null)).isEmpty();
    }

    @Test
    void theMappersNumberSettingsAreFollowed() {
        JsonColumns decimals = new JsonColumns(JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .build());

        assertThat(decimals.readValues("{\"a\":0.1,\"b\":7}")).containsEntry("a", new BigDecimal("0.1"))
            .containsEntry("b", 7L);
    }

    @Test
    void somethingElseThanAnObjectIsNamedAsNotWrittenByTheConnector() {
        assertThatIllegalStateException().isThrownBy(() -> this.columns.readValues("[1,2]"))
            .withMessageContaining("[1,2]");
    }

    private static Map<String, Object> sample() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("Name", "Quotes \" and \\ and\ttab ☃ 𝄞");
        values.put("Count", 42);
        values.put("Wide", 9_000_000_000L);
        values.put("Big", new BigInteger("123456789012345678901234567890"));
        values.put("Ratio", 0.25);
        values.put("Price", new BigDecimal("12.50"));
        values.put("Active", false);
        values.put("Empty", null);
        return values;
    }

    private static Map<String, Object> fromTo(Object from, Object to) {
        Map<String, Object> pair = new LinkedHashMap<>();
        pair.put("from", from);
        pair.put("to", to);
        return pair;
    }

}
