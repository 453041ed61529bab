package com.goodfit.sync.domain;

import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class WebsiteNormaliserTests {

    private final WebsiteNormaliser normaliser = new WebsiteNormaliser();

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @MethodSource({ "schemes", "hostsAndSuffixes", "portsPathsAndUserinfo", "emailAddresses", "severalValues",
            "wrappers", "idn" })
    void findsTheRootDomainOfMessyValues(String raw, String expected) {
        assertThat(this.normaliser.rootDomainOf(raw)).map(RootDomain::value).contains(expected);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> none")
    @MethodSource({ "placeholders", "addressesAndLocalNames", "junk" })
    void findsNoRootDomainInValuesWithoutOne(@Nullable String raw) {
        assertThat(this.normaliser.rootDomainOf(raw)).isEmpty();
    }

    static Stream<Arguments> schemes() {
        return Stream.of(arguments("https://www.test.com/app", "test.com"), arguments("http://test.com", "test.com"),
                arguments("HTTPS://WWW.TEST.COM", "test.com"), arguments("hTtp://Test.Com/", "test.com"),
                arguments("HtTpS://www.test.com:443/", "test.com"), arguments("//cdn.test.com/lib.js", "test.com"),
                arguments("ftp://files.test.com/pub", "test.com"), arguments("sftp://files.test.com", "test.com"),
                arguments("https:/test.com", "test.com"), arguments("https//test.com", "test.com"),
                arguments("http:test.com", "test.com"), arguments("https:\\\\test.com\\about", "test.com"),
                arguments("https:///test.com", "test.com"), arguments("www.httpshop.com", "httpshop.com"),
                arguments("https.com", "https.com"));
    }

    static Stream<Arguments> hostsAndSuffixes() {
        return Stream.of(arguments("test.com", "test.com"), arguments("www.test.com", "test.com"),
                arguments("www2.test.com", "test.com"), arguments("WWW.Test.COM", "test.com"),
                arguments("shop.acme.co.uk", "acme.co.uk"), arguments("https://shop.acme.co.uk/basket", "acme.co.uk"),
                arguments("a.b.c.acme.com.au", "acme.com.au"), arguments("acme.de", "acme.de"),
                arguments("https://a.myshopify.com", "a.myshopify.com"),
                arguments("b.myshopify.com/products", "b.myshopify.com"), arguments("user.github.io", "user.github.io"),
                arguments("www.city.kobe.jp", "city.kobe.jp"), arguments("www.test.k12.ak.us", "test.k12.ak.us"),
                arguments("my_site.com", "my_site.com"), arguments("www.co.uk", "www.co.uk"),
                arguments("test.com.", "test.com"), arguments("www.test.com..", "test.com"));
    }

    static Stream<Arguments> portsPathsAndUserinfo() {
        return Stream.of(arguments("test.com:8080", "test.com"),
                arguments("https://test.com:8443/app?x=1#top", "test.com"),
                arguments("test.com/path/to/page.html", "test.com"), arguments("test.com?utm_source=x", "test.com"),
                arguments("test.com#contact", "test.com"), arguments("https://test.com/?q=a,b;c", "test.com"),
                arguments("https://www.test.com.:8080/", "test.com"), arguments("https://test.com./", "test.com"),
                arguments("https://user:secret@www.test.com/", "test.com"),
                arguments("ftp://anonymous@ftp.test.com", "test.com"), arguments("user:pass@test.com:21", "test.com"),
                arguments("http://user:p@ss@test.com/", "test.com"));
    }

    static Stream<Arguments> emailAddresses() {
        return Stream.of(arguments("jo@acme.com", "acme.com"), arguments("jo@Acme.com", "acme.com"),
                arguments("mailto:jo@acme.com", "acme.com"), arguments("MAILTO:Jo@Sales.ACME.co.uk", "acme.co.uk"),
                arguments("mailto:jo@acme.com?subject=Hi", "acme.com"), arguments("<jo@acme.com>", "acme.com"));
    }

    static Stream<Arguments> severalValues() {
        return Stream.of(arguments("test.com other.com", "test.com"), arguments("test.com, other.com", "test.com"),
                arguments("test.com;other.com", "test.com"), arguments("test.com | other.com", "test.com"),
                arguments("test.com\nother.com", "test.com"), arguments("test.com\r\nother.com", "test.com"),
                arguments("test.com\tother.com", "test.com"),
                arguments("https://a.test.com/x,https://other.com", "test.com"), arguments(" , ;test.com", "test.com"),
                arguments("\"test.com\", \"other.com\"", "test.com"));
    }

    static Stream<Arguments> wrappers() {
        return Stream.of(arguments("  test.com  ", "test.com"), arguments("'test.com'", "test.com"),
                arguments("\"https://test.com\"", "test.com"), arguments("`test.com`", "test.com"),
                arguments("<https://www.test.com/>", "test.com"), arguments("\"<test.com>\"", "test.com"),
                arguments("\u00a0test.com\u00a0", "test.com"), arguments("\ufefftest.com", "test.com"),
                arguments("\ttest.com\r\n", "test.com"), arguments("\u3000www.test.com\u200b", "test.com"));
    }

    static Stream<Arguments> idn() {
        return Stream.of(arguments("bücher.de", "xn--bcher-kva.de"),
                arguments("https://www.BÜCHER.de/shop", "xn--bcher-kva.de"),
                arguments("xn--bcher-kva.de", "xn--bcher-kva.de"), arguments("XN--BCHER-KVA.DE", "xn--bcher-kva.de"),
                arguments("münchen.de", "xn--mnchen-3ya.de"), arguments("食狮.公司.cn", "xn--85x722f.xn--55qx5d.cn"),
                arguments("www.食狮.中国", "xn--85x722f.xn--fiqs8s"), arguments("bücher.de\u3002", "xn--bcher-kva.de"),
                arguments("ｔｅｓｔ．ｃｏｍ", "test.com"), arguments("jo@bücher.de", "xn--bcher-kva.de"));
    }

    static Stream<@Nullable String> placeholders() {
        return Stream.of(null, "", "   ", "\t\r\n", "n/a", "N/A", "NA", "n.a.", "#N/A", "-", "--", "none", "None",
                "null", "NULL", "unknown", "tbd", "TBD", "?", ".", "..", "0", "www", "www.", "http://", "https://",
                "not provided", "no website");
    }

    static Stream<String> addressesAndLocalNames() {
        return Stream.of("192.168.0.1", "http://10.0.0.1:8080/admin", "8.8.8.8.", "jo@127.0.0.1", "3232235521",
                "[::1]", "http://[2001:db8::1]:8080/", "2001:db8::1", "fe80::1%eth0", "::1", "localhost",
                "http://localhost:8080", "localhost.localdomain", "intranet.local", "acme.internal", "co.uk", "com",
                "COM", ".com", "https://co.uk/", "myshopify.com", "github.io", "acme.invalidtld");
    }

    static Stream<String> junk() {
        return Stream.of("acme", "john smith", "foo@bar", "http://-acme.com", "acme-.com", "a".repeat(64) + ".com",
                "acme..com", ".acme.com", "@@@", "\u0000\u0001\u0002", "\ud800.com", "test\ud800.com", "\udfff",
                "mailto:", "tel:+441234567890", "javascript:alert(1)", "acme.com%2F", "ac!me.com", "a.b.c.d.e.f.g",
                "\uFFFD\uFFFD.com");
    }

    @Test
    void coversAtLeastEightyMessyValues() {
        long found = Stream.of(schemes(), hostsAndSuffixes(), portsPathsAndUserinfo(), emailAddresses(),
                severalValues(), wrappers(), idn())
            .mapToLong(Stream::count)
            .sum();
        long none = Stream.of(placeholders(), addressesAndLocalNames(), junk()).mapToLong(Stream::count).sum();
        assertThat(found + none).isGreaterThanOrEqualTo(80);
    }

    @Test
    void keepsTwoShopsOnOnePlatformApart() {
        assertThat(this.normaliser.rootDomainOf("a.myshopify.com"))
            .isNotEqualTo(this.normaliser.rootDomainOf("b.myshopify.com"));
    }

    @Test
    void findsTheFirstHostOfALongValueWithinTheScannedPrefix() {
        String value = "https://www.test.com/" + " other.com".repeat(20_000);
        assertThat(this.normaliser.rootDomainOf(value)).map(RootDomain::value).contains("test.com");
    }

    @Test
    void findsTheHostOfAUrlWithAPathLongerThanTheScannedPrefix() {
        String value = "https://www.test.com/?q=" + "x".repeat(100_000);
        assertThat(this.normaliser.rootDomainOf(value)).map(RootDomain::value).contains("test.com");
    }

    @Test
    void findsNoRootDomainWhenTheHostRunsPastTheScannedPrefix() {
        String value = "https://www." + "x".repeat(WebsiteNormaliser.MAX_SCANNED_CHARS) + ".com/";
        assertThat(this.normaliser.rootDomainOf(value)).isEmpty();
    }

    @Test
    void rejectsRootDomainsThatAreNotNormalised() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RootDomain("Test.com"));
        assertThatIllegalArgumentException().isThrownBy(() -> new RootDomain("test.com."));
        assertThatIllegalArgumentException().isThrownBy(() -> new RootDomain("bücher.de"));
        assertThatIllegalArgumentException().isThrownBy(() -> new RootDomain("com"));
        assertThat(new RootDomain("xn--bcher-kva.de")).hasToString("xn--bcher-kva.de");
    }

    @Test
    void returnsEqualRootDomainsForOneCompanyWrittenTwoWays() {
        Optional<RootDomain> website = this.normaliser.rootDomainOf("https://www.Acme.co.uk/about");
        assertThat(website).isEqualTo(this.normaliser.rootDomainOf("sales@acme.co.uk"));
    }

}
