package com.goodfit.sync.emulator;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The partner SOAP {@code login} call ({@code POST /services/Soap/u/{version}}) that username-password logins in
 * jsforce and simple-salesforce use: answers a session Id usable as a REST Bearer token and a server URL on this
 * emulator, or the {@code INVALID_LOGIN} fault.
 */
final class SoapLoginEndpoint {

    private static final Pattern USERNAME = Pattern.compile("<(?:\\w+:)?username>(.*?)</(?:\\w+:)?username>",
            Pattern.DOTALL);

    private static final Pattern PASSWORD = Pattern.compile("<(?:\\w+:)?password>(.*?)</(?:\\w+:)?password>",
            Pattern.DOTALL);

    private final EmulatorCredentials credentials;

    private final TokenStore tokens;

    private final EmulatorOrg org;

    private final URI url;

    SoapLoginEndpoint(EmulatorCredentials credentials, TokenStore tokens, EmulatorOrg org, URI url) {
        this.credentials = credentials;
        this.tokens = tokens;
        this.org = org;
        this.url = url;
    }

    ApiResponse handle(ApiRequest request, String version) {
        String body = request.bodyText();
        if (!request.method().equals("POST") || !body.contains("login")) {
            return fault("sf:UNKNOWN_EXCEPTION", "UNKNOWN_EXCEPTION: only the login call is emulated");
        }
        String username = unescape(first(USERNAME, body));
        String password = unescape(first(PASSWORD, body));
        if (!this.credentials.username().equals(username) || !this.credentials.password().equals(password)) {
            return fault("sf:INVALID_LOGIN",
                    "INVALID_LOGIN: Invalid username, password, security token; or user locked out.");
        }
        String session = this.tokens.issue();
        String server = this.url + "/services/Soap/u/" + version + "/" + this.org.orgId().substring(0, 15);
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" \
                xmlns="urn:partner.soap.sforce.com" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
                <soapenv:Body><loginResponse><result>\
                <metadataServerUrl>%1$s/services/Soap/m/%2$s/%3$s</metadataServerUrl>\
                <passwordExpired>false</passwordExpired><sandbox>false</sandbox>\
                <serverUrl>%4$s</serverUrl><sessionId>%5$s</sessionId><userId>%6$s</userId>\
                <userInfo><accessibilityMode>false</accessibilityMode><currencySymbol>$</currencySymbol>\
                <orgDefaultCurrencyIsoCode>USD</orgDefaultCurrencyIsoCode><organizationId>%7$s</organizationId>\
                <organizationMultiCurrency>false</organizationMultiCurrency><organizationName>GoodFit Emulator</organizationName>\
                <profileId>00e8d000000AAAAAAA</profileId><sessionSecondsValid>7200</sessionSecondsValid>\
                <userEmail>%8$s</userEmail><userFullName>GoodFit Integration</userFullName><userId>%6$s</userId>\
                <userLanguage>en_US</userLanguage><userLocale>en_US</userLocale><userName>%8$s</userName>\
                <userTimeZone>Europe/London</userTimeZone><userType>Standard</userType></userInfo>\
                </result></loginResponse></soapenv:Body></soapenv:Envelope>"""
            .formatted(this.url, version, this.org.orgId().substring(0, 15), server, session, this.org.userId(),
                    this.org.orgId(), this.credentials.username());
        return new ApiResponse(200, "text/xml;charset=UTF-8", xml.getBytes(StandardCharsets.UTF_8),
                new LinkedHashMap<>());
    }

    private static ApiResponse fault(String code, String message) {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" \
                xmlns:sf="urn:fault.partner.soap.sforce.com" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
                <soapenv:Body><soapenv:Fault><faultcode>%1$s</faultcode><faultstring>%2$s</faultstring>\
                <detail><sf:LoginFault xsi:type="sf:LoginFault"><sf:exceptionCode>%3$s</sf:exceptionCode>\
                <sf:exceptionMessage>%2$s</sf:exceptionMessage></sf:LoginFault></detail></soapenv:Fault>\
                </soapenv:Body></soapenv:Envelope>"""
            .formatted(code, message, code.substring(3));
        return new ApiResponse(500, "text/xml;charset=UTF-8", xml.getBytes(StandardCharsets.UTF_8),
                new LinkedHashMap<>());
    }

    private static String first(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        return matcher.find() ? matcher.group(1) : "";
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
            .replace("&amp;", "&");
    }

}
