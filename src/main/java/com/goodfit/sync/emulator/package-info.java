/**
 * An in-process Salesforce org emulator: an HTTP server speaking the REST subset the connector uses, with the
 * JSON/CSV shapes, status codes and error bodies of {@code shared/salesforce-api.md}.
 *
 * <p>In tests: {@code try (SalesforceEmulator sf = SalesforceEmulator.start(EmulatorOptions.defaults()))}, then
 * point a client at {@link com.goodfit.sync.emulator.SalesforceEmulator#url()} (login host and instance URL) with
 * {@link com.goodfit.sync.emulator.SalesforceEmulator#credentials()}; seed and inspect records through
 * {@link com.goodfit.sync.emulator.SalesforceEmulator#org()}, inject faults and switch org rules through
 * {@link com.goodfit.sync.emulator.SalesforceEmulator#control()}, and assert API usage with
 * {@link com.goodfit.sync.emulator.SalesforceEmulator#calls()}.
 *
 * <p>Standalone: {@code goodfit-sync emulator --port 8787} prints the URL, a token and the credentials. jsforce
 * works against it as is ({@code loginUrl} = the URL; see {@code src/test/jsforce}). simple-salesforce builds
 * {@code https://} URLs, so start with {@code --tls} and trust the printed certificate, then use
 * {@code Salesforce(instance_url=URL, session_id=TOKEN, session=s)} with {@code s.verify = CERT}.
 *
 * <p>Served: {@code /services/oauth2/authorize} (auto-approves, or denies when told), {@code /services/oauth2/token}
 * (authorization_code with PKCE, password, refresh_token, client_credentials, JWT bearer), {@code /revoke},
 * {@code /userinfo}, the identity URL, partner SOAP {@code login}; {@code /services/data},
 * {@code /limits}, {@code /sobjects} (describe, single-record CRUD and external-ID upsert), {@code /query},
 * {@code /queryAll} and query locators, {@code /composite}, {@code /composite/batch}, {@code /composite/sobjects},
 * {@code /jobs/ingest}, {@code /jobs/query}, {@code /tooling/sobjects/CustomField} and {@code /tooling/query}.
 */
package com.goodfit.sync.emulator;
