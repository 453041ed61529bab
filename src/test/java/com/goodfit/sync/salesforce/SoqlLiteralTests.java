package com.goodfit.sync.salesforce;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SoqlLiteralTests {

    @Test
    void quotesPlainText() {
        assertThat(SoqlLiteral.quote("acme.com")).isEqualTo("'acme.com'");
    }

    @Test
    void escapesQuotesSoTheValueCannotCloseTheLiteral() {
        assertThat(SoqlLiteral.quote("' OR Name != '")).isEqualTo("'\\' OR Name != \\''");
    }

    @Test
    void escapesBackslashBeforeQuote() {
        assertThat(SoqlLiteral.quote("\\' OR 1=1")).isEqualTo("'\\\\\\' OR 1=1'");
    }

    @Test
    void escapesTrailingBackslash() {
        assertThat(SoqlLiteral.quote("abc\\")).isEqualTo("'abc\\\\'");
    }

    @Test
    void escapesWhitespaceControlCharacters() {
        assertThat(SoqlLiteral.quote("a\nb\rc\td\be\ff\"g")).isEqualTo("'a\\nb\\rc\\td\\be\\ff\\\"g'");
    }

    @Test
    void keepsUnicode() {
        assertThat(SoqlLiteral.quote("bücher.de – 東京")).isEqualTo("'bücher.de – 東京'");
    }

    @Test
    void leavesLikeWildcardsAloneOutsideLike() {
        assertThat(SoqlLiteral.quote("100%_off")).isEqualTo("'100%_off'");
    }

    @Test
    void escapesLikeWildcards() {
        assertThat(SoqlLiteral.likePattern("100%_o'ff")).isEqualTo("100\\%\\_o\\'ff");
        assertThat(SoqlLiteral.startsWith("a_b")).isEqualTo("'a\\_b%'");
        assertThat(SoqlLiteral.contains("50%")).isEqualTo("'%50\\%%'");
    }

    @Test
    void refusesOtherControlCharacters() {
        assertThatIllegalArgumentException().isThrownBy(() -> SoqlLiteral.quote("a\u0000b"))
            .withMessageContaining("U+0000");
    }

    @Test
    void refusesLiteralsLongerThanSalesforceAllows() {
        assertThatIllegalArgumentException().isThrownBy(() -> SoqlLiteral.quote("x".repeat(4001)));
    }

    @Test
    void quotesInLists() {
        assertThat(SoqlLiteral.quoteAll(List.of("a.com", "b'.com"))).isEqualTo("('a.com','b\\'.com')");
        assertThatIllegalArgumentException().isThrownBy(() -> SoqlLiteral.quoteAll(List.of()));
    }

}
