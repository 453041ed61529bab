package com.goodfit.sync.domain;

import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class EmailNormaliserTests {

    private final EmailNormaliser normaliser = new EmailNormaliser();

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @MethodSource
    void normalisesValidAddresses(String raw, String expected) {
        assertThat(this.normaliser.normalise(raw)).contains(expected);
    }

    static Stream<Arguments> normalisesValidAddresses() {
        return Stream.of(arguments("jo@acme.com", "jo@acme.com"), arguments("Jo.Smith@Acme.COM", "jo.smith@acme.com"),
                arguments("  jo@acme.com\t", "jo@acme.com"), arguments("\u00a0jo@acme.com\r\n", "jo@acme.com"),
                arguments("\"jo@acme.com\"", "jo@acme.com"), arguments("'jo@acme.com'", "jo@acme.com"),
                arguments("`jo@acme.com`", "jo@acme.com"), arguments("<jo@acme.com>", "jo@acme.com"),
                arguments("\" <Jo@Acme.com> \"", "jo@acme.com"), arguments("mailto:jo@acme.com", "jo@acme.com"),
                arguments("MAILTO:Jo@Acme.com", "jo@acme.com"), arguments("<mailto:jo@acme.com>", "jo@acme.com"),
                arguments("mailto:jo@acme.com?subject=Hello", "jo@acme.com"),
                arguments("jo+crm@sales.acme.co.uk", "jo+crm@sales.acme.co.uk"),
                arguments("o'brien@acme.ie", "o'brien@acme.ie"), arguments("jo@a.myshopify.com", "jo@a.myshopify.com"),
                arguments("jo@bücher.de", "jo@bücher.de"), arguments("JO@BÜCHER.DE", "jo@bücher.de"),
                arguments("jo@xn--bcher-kva.de", "jo@xn--bcher-kva.de"), arguments("info@gov.uk", "info@gov.uk"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> invalid")
    @MethodSource
    void rejectsInvalidAddresses(@Nullable String raw) {
        assertThat(this.normaliser.normalise(raw)).isEmpty();
    }

    static Stream<@Nullable String> rejectsInvalidAddresses() {
        return Stream.of(null, "", "   ", "n/a", "jo", "jo@", "@acme.com", "jo@@acme.com", "jo@sales@acme.com",
                "jo smith@acme.com", "jo\tsmith@acme.com", "jo..smith@acme.com", "jo@acme..com", "jo@acme",
                "jo@localhost", "jo@com", "jo@acme.invalidtld", "jo@127.0.0.1", "jo@[127.0.0.1]", "jo@acme.com.",
                "jo@-acme.com", "jo@ac me.com", "jo@acme_com", "Jo Smith <jo@acme.com>", "jo@acme.com, al@acme.com",
                "mailto:", "jo@\ud800.com", "x".repeat(250) + "@acme.com", "x".repeat(10_000) + "@acme.com");
    }

    @Test
    void acceptsAnAddressOfExactly254Characters() {
        String address = "x".repeat(245) + "@acme.com";
        assertThat(address).hasSize(254);
        assertThat(this.normaliser.normalise(address)).contains(address);
        assertThat(this.normaliser.normalise("x" + address)).isEmpty();
    }

}
