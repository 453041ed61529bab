package com.goodfit.sync.matching;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StringArenaTests {

    private final StringArena arena = new StringArena();

    @Test
    void returnsWhatWasStored() {
        int id = this.arena.add("003000000000001AAA");
        int empty = this.arena.add("");
        int unicode = this.arena.add("Zoë Ünïcødé ✓");
        assertThat(this.arena.get(id)).isEqualTo("003000000000001AAA");
        assertThat(this.arena.get(empty)).isEmpty();
        assertThat(this.arena.get(unicode)).isEqualTo("Zoë Ünïcødé ✓");
    }

    @Test
    void comparesWithoutBuildingAString() {
        int id = this.arena.add("003000000000001AAA");
        assertThat(this.arena.equalsAt(id, utf8("003000000000001AAA"))).isTrue();
        assertThat(this.arena.equalsAt(id, utf8("003000000000001AAB"))).isFalse();
        assertThat(this.arena.equalsAt(id, utf8("003000000000001AA"))).isFalse();
    }

    @Test
    void storesLongStringsWithATwoByteLength() {
        String longer = "x".repeat(200);
        String longest = "y".repeat(StringArena.MAX_LENGTH);
        int a = this.arena.add(longer);
        int b = this.arena.add(longest);
        assertThat(this.arena.get(a)).isEqualTo(longer);
        assertThat(this.arena.get(b)).isEqualTo(longest);
        assertThatIllegalArgumentException().isThrownBy(() -> this.arena.add("z".repeat(StringArena.MAX_LENGTH + 1)));
    }

    @Test
    void startsANewPageRatherThanSplittingAString() {
        int count = 2 * StringArena.PAGE_SIZE / 19 + 100;
        int[] references = new int[count];
        for (int i = 0; i < count; i++) {
            references[i] = this.arena.add("%018d".formatted(i));
        }
        for (int i = 0; i < count; i++) {
            assertThat(this.arena.get(references[i])).isEqualTo("%018d".formatted(i));
        }
        assertThat(references[count - 1]).isGreaterThan(2 * StringArena.PAGE_SIZE);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

}
