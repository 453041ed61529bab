package com.goodfit.sync.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueryTests extends EmulatorApiTestSupport {

    private String acme;

    @BeforeEach
    void setUp() {
        EmulatorOrg org = this.emulator.org();
        this.acme = org.insert("Account", Map.of("Name", "Acme", "Website", "acme.com", "NumberOfEmployees", 50,
                "Industry", "Technology"), Instant.parse("2020-01-01T00:00:00Z"));
        org.insert("Account", Map.of("Name", "Globex", "Website", "GLOBEX.com", "NumberOfEmployees", 500));
        org.insert("Account", Map.of("Name", "100% Pure_Co", "Website", "https://www.pure.co/"));
        org.insert("Account", Map.of("Name", "O'Brien & Sons", "Description", "line1\nline2"));
        org.insert("Contact", Map.of("LastName", "Doe", "FirstName", "Jo", "Email", "jo@acme.com", "AccountId",
                this.acme));
        org.insert("Contact", Map.of("LastName", "Solo", "Email", "han@nowhere.com"));
    }

    private List<Map<String, Object>> records(String soql) {
        ApiCalls.Response response = this.api.get(ApiCalls.V + "/query?q=" + ApiCalls.q(soql));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> records = (List<Map<String, Object>>) response.map().get("records");
        return records;
    }

    private List<Object> names(String soql) {
        return records(soql).stream().map(r -> r.get("Name")).toList();
    }

    @Test
    void comparesStringsIgnoringCase() {
        assertThat(names("SELECT Name FROM Account WHERE Website = 'ACME.COM'")).containsExactly("Acme");
        assertThat(names("SELECT Name FROM Account WHERE Website IN ('globex.com', 'nothing.com')"))
            .containsExactly("Globex");
        assertThat(names("SELECT Name FROM Account WHERE Website != 'acme.com' ORDER BY Name")).containsExactly(
                "100% Pure_Co", "Globex", "O'Brien & Sons");
    }

    @Test
    void supportsNumericComparisonsAndBooleanLogic() {
        assertThat(names("SELECT Name FROM Account WHERE NumberOfEmployees > 100")).containsExactly("Globex");
        assertThat(names("SELECT Name FROM Account WHERE NumberOfEmployees >= 50 AND NumberOfEmployees <= 50"))
            .containsExactly("Acme");
        assertThat(names("SELECT Name FROM Account WHERE (Name = 'Acme' OR Name = 'Globex') AND NOT Website LIKE 'g%'"))
            .containsExactly("Acme");
        assertThat(names("SELECT Name FROM Account WHERE Website NOT IN ('acme.com') AND Website != null"))
            .containsExactly("Globex", "100% Pure_Co");
        assertThat(names("SELECT Name FROM Account WHERE Website = null")).containsExactly("O'Brien & Sons");
        assertThat(names("SELECT Name FROM Account WHERE NumberOfEmployees <> 50 ORDER BY Name")).hasSize(3);
    }

    @Test
    void likeSupportsWildcardsAndEscapes() {
        assertThat(names("SELECT Name FROM Account WHERE Name LIKE 'ac%'")).containsExactly("Acme");
        assertThat(names("SELECT Name FROM Account WHERE Name LIKE '_lobex'")).containsExactly("Globex");
        assertThat(names("SELECT Name FROM Account WHERE Name LIKE '100\\% Pure\\_Co'")).containsExactly("100% Pure_Co");
        assertThat(names("SELECT Name FROM Account WHERE Name LIKE '100\\%%'")).containsExactly("100% Pure_Co");
        assertThat(names("SELECT Name FROM Account WHERE Name LIKE 'Pure\\_%'")).isEmpty();
    }

    @Test
    void stringLiteralsUnescape() {
        assertThat(names("SELECT Name FROM Account WHERE Name = 'O\\'Brien & Sons'")).containsExactly("O'Brien & Sons");
        assertThat(names("SELECT Name FROM Account WHERE Description = 'line1\\nline2'")).containsExactly(
                "O'Brien & Sons");
    }

    @Test
    void ordersWithNullsAndPagesWithLimitOffset() {
        assertThat(names("SELECT Name FROM Account ORDER BY NumberOfEmployees DESC NULLS LAST, Name")).containsExactly(
                "Globex", "Acme", "100% Pure_Co", "O'Brien & Sons");
        assertThat(names("SELECT Name FROM Account ORDER BY NumberOfEmployees ASC NULLS FIRST, Name ASC")).containsExactly(
                "100% Pure_Co", "O'Brien & Sons", "Acme", "Globex");
        assertThat(names("SELECT Name FROM Account ORDER BY Name LIMIT 2 OFFSET 1")).containsExactly("Acme", "Globex");
    }

    @Test
    void countsWithCountFunction() {
        ApiCalls.Response response = this.api.get(ApiCalls.V + "/query?q="
                + ApiCalls.q("SELECT COUNT() FROM Account WHERE NumberOfEmployees > 10"));
        assertThat(response.map()).isEqualTo(Map.of("totalSize", 2, "done", true, "records", List.of()));
        List<Map<String, Object>> aggregate = records("SELECT COUNT(Id) FROM Contact");
        assertThat(aggregate.get(0)).containsEntry("expr0", 2);
    }

    @Test
    void rendersRecordsWithAttributesDatesAndParents() {
        Map<String, Object> record = records("SELECT Id, Name, CreatedDate, NumberOfEmployees FROM Account WHERE Id = '"
                + this.acme.substring(0, 15) + "'").get(0);
        assertThat(record.keySet()).containsExactly("attributes", "Id", "Name", "CreatedDate", "NumberOfEmployees");
        assertThat(record.get("attributes")).isEqualTo(Map.of("type", "Account", "url",
                "/services/data/v60.0/sobjects/Account/" + this.acme));
        assertThat(record).containsEntry("CreatedDate", "2020-01-01T00:00:00.000+0000")
            .containsEntry("NumberOfEmployees", 50);
        List<Map<String, Object>> contacts = records(
                "SELECT Email, Account.Name, Account.Website FROM Contact ORDER BY LastName");
        assertThat(contacts.get(0).get("Account")).isEqualTo(Map.of("attributes", Map.of("type", "Account", "url",
                "/services/data/v60.0/sobjects/Account/" + this.acme), "Name", "Acme", "Website", "acme.com"));
        assertThat(contacts.get(1)).containsEntry("Account", null);
        assertThat(records("SELECT Name FROM Contact WHERE Account.Name = 'acme'")).hasSize(1);
        assertThat(records("SELECT CreatedBy.Username, Owner.Name FROM Account LIMIT 1").get(0).get("CreatedBy"))
            .isEqualTo(Map.of("attributes", Map.of("type", "User", "url", "/services/data/v60.0/sobjects/User/"
                    + this.emulator.org().userId()), "Username", "integration@goodfit.example"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void nestsChildSubqueries() {
        this.emulator.org().insert("Contact", Map.of("LastName", "Able", "Email", "able@acme.com", "AccountId",
                this.acme));
        List<Map<String, Object>> accounts = records("SELECT Name, (SELECT LastName FROM Contacts WHERE Email != null "
                + "ORDER BY LastName LIMIT 5) FROM Account WHERE Name IN ('Acme', 'Globex') ORDER BY Name");
        Map<String, Object> contacts = (Map<String, Object>) accounts.get(0).get("Contacts");
        assertThat(contacts).containsEntry("totalSize", 2).containsEntry("done", true);
        assertThat((List<Map<String, Object>>) contacts.get("records")).extracting(c -> c.get("LastName"))
            .containsExactly("Able", "Doe");
        assertThat(accounts.get(1)).containsEntry("Contacts", null);
        ApiCalls.Response bad = this.api.get(ApiCalls.V + "/query?q="
                + ApiCalls.q("SELECT Id, (SELECT Id FROM Nopes) FROM Account"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.list().get(0)).containsEntry("errorCode", "INVALID_TYPE");
    }

    @Test
    void filtersWithSemiJoins() {
        assertThat(records("SELECT LastName FROM Contact WHERE AccountId IN (SELECT Id FROM Account WHERE "
                + "Website = 'acme.com')")).extracting(c -> c.get("LastName")).containsExactly("Doe");
        assertThat(records("SELECT Name FROM Account WHERE Id NOT IN (SELECT AccountId FROM Contact) ORDER BY Name"))
            .extracting(a -> a.get("Name"))
            .containsExactly("100% Pure_Co", "Globex", "O'Brien & Sons");
    }

    @Test
    void groupsAndCountsWithHaving() {
        this.emulator.org().insert("Account", Map.of("Name", "Acme Two", "Website", "ACME.com"));
        List<Map<String, Object>> groups = records(
                "SELECT Website, COUNT(Id) FROM Account WHERE Website != null GROUP BY Website HAVING COUNT(Id) > 1");
        assertThat(groups).singleElement().satisfies(g -> assertThat(g).containsEntry("Website", "acme.com")
            .containsEntry("expr0", 2)
            .containsEntry("attributes", Map.of("type", "AggregateResult")));
        assertThat(records("SELECT Industry, COUNT(Id) n FROM Account GROUP BY Industry")).hasSize(2);
        ApiCalls.Response ungrouped = this.api.get(ApiCalls.V + "/query?q="
                + ApiCalls.q("SELECT Name, COUNT(Id) FROM Account"));
        assertThat(ungrouped.status()).isEqualTo(400);
        assertThat(ungrouped.list().get(0)).containsEntry("errorCode", "MALFORMED_QUERY");
    }

    @Test
    void expandsFieldsFunctionsAndChecksLimits() {
        Map<String, Object> standard = records("SELECT FIELDS(STANDARD) FROM Account WHERE Name = 'Acme'").get(0);
        assertThat(standard).containsKeys("Id", "Name", "Website", "SystemModstamp").doesNotContainKey("GoodFit_ID__c");
        Map<String, Object> custom = records("SELECT Id, FIELDS(CUSTOM) FROM Account LIMIT 1").get(0);
        assertThat(custom.keySet()).containsExactly("attributes", "Id", "GoodFit_ID__c");
        assertThat(this.api.get(ApiCalls.V + "/query?q=" + ApiCalls.q("SELECT FIELDS(ALL) FROM Account")).list().get(0))
            .containsEntry("errorCode", "MALFORMED_QUERY");
        assertThat(this.api.get(ApiCalls.V + "/query?q=" + ApiCalls.q("SELECT Id FROM Account OFFSET 2001")).list()
            .get(0)).containsEntry("errorCode", "NUMBER_OUTSIDE_VALID_RANGE");
    }

    @Test
    void filtersOnDatesAndDatetimes() {
        assertThat(names("SELECT Name FROM Account WHERE CreatedDate < 2021-01-01T00:00:00Z")).containsExactly("Acme");
        assertThat(names("SELECT Name FROM Account WHERE CreatedDate > 2021-01-01T00:00:00.000+0000")).hasSize(3);
    }

    @Test
    void filtersAndRendersDates() {
        this.emulator.org().insert("Contact", Map.of("LastName", "Born", "Birthdate", "1990-05-17"));
        List<Map<String, Object>> born = records("SELECT LastName, Birthdate FROM Contact WHERE Birthdate < 2000-01-01");
        assertThat(born).singleElement().satisfies(r -> assertThat(r).containsEntry("Birthdate", "1990-05-17"));
    }

    @Test
    void filtersOnRelativeDateLiterals() {
        assertThat(names("SELECT Name FROM Account WHERE CreatedDate = TODAY ORDER BY Name")).hasSize(3);
        assertThat(names("SELECT Name FROM Account WHERE CreatedDate = LAST_N_DAYS:7")).hasSize(3);
        assertThat(names("SELECT Name FROM Account WHERE CreatedDate < LAST_N_DAYS:7")).containsExactly("Acme");
        assertThat(names("SELECT Name FROM Account WHERE LastModifiedDate > YESTERDAY")).hasSize(3);
        assertThat(names("SELECT Name FROM Account WHERE CreatedDate = THIS_YEAR")).hasSize(3);
    }

    @Test
    void queryAllIncludesDeletedRecords() {
        this.emulator.org().delete("Account", this.acme);
        assertThat(names("SELECT Name FROM Account WHERE Name = 'Acme'")).isEmpty();
        ApiCalls.Response all = this.api.get(ApiCalls.V + "/queryAll?q="
                + ApiCalls.q("SELECT Name, IsDeleted FROM Account WHERE Name = 'Acme'"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> records = (List<Map<String, Object>>) all.map().get("records");
        assertThat(records).singleElement().satisfies(r -> assertThat(r).containsEntry("IsDeleted", true));
    }

    @Test
    void indexedLookupsOnLargeTablesMatchLikeScans() {
        for (int i = 0; i < 6000; i++) {
            this.emulator.org().insert("Contact", Map.of("LastName", "Bulk" + i, "Email", "bulk" + i + "@example.com"));
        }
        assertThat(records("SELECT LastName FROM Contact WHERE Email IN ('BULK42@example.com', 'jo@acme.com')"))
            .extracting(r -> r.get("LastName"))
            .containsExactly("Doe", "Bulk42");
        assertThat(records("SELECT LastName FROM Contact WHERE AccountId = '" + this.acme.substring(0, 15) + "'"))
            .extracting(r -> r.get("LastName"))
            .containsExactly("Doe");
    }

    @Test
    void pagesByBatchSizeWithNextRecordsUrl() {
        for (int i = 0; i < 2500; i++) {
            this.emulator.org().insert("Contact", Map.of("LastName", "Bulk" + i));
        }
        Map<String, Object> first = this.api.get(ApiCalls.V + "/query?q=" + ApiCalls.q("SELECT Id FROM Contact")).map();
        assertThat(first).containsEntry("totalSize", 2502).containsEntry("done", false);
        assertThat((List<?>) first.get("records")).hasSize(2000);
        Map<String, Object> second = this.api.get((String) first.get("nextRecordsUrl")).map();
        assertThat((List<?>) second.get("records")).hasSize(502);
        assertThat(second).containsEntry("done", true).containsEntry("totalSize", 2502);
        Map<String, Object> small = this.api.get(ApiCalls.V + "/query?q=" + ApiCalls.q("SELECT Id FROM Contact"),
                Map.of("Sforce-Query-Options", "batchSize=50")).map();
        assertThat((List<?>) small.get("records")).hasSize(200);
        ApiCalls.Response all = this.api.get(ApiCalls.V + "/queryAll?q=" + ApiCalls.q("SELECT Id FROM Contact"));
        assertThat((String) all.map().get("nextRecordsUrl")).contains("/query/");
    }

    @Test
    void unknownLocatorIsInvalidQueryLocator() {
        ApiCalls.Response response = this.api.get(ApiCalls.V + "/query/01gXX0000000001-2000");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.list().get(0)).containsEntry("errorCode", "INVALID_QUERY_LOCATOR");
    }

    @Test
    void reportsMalformedQueriesWithTheirColumn() {
        ApiCalls.Response response = this.api.get(ApiCalls.V + "/query?q="
                + ApiCalls.q("SELECT Id FROM Account WHERE"));
        assertThat(response.status()).isEqualTo(400);
        Map<String, Object> error = response.list().get(0);
        assertThat(error).containsEntry("errorCode", "MALFORMED_QUERY");
        assertThat((String) error.get("message")).contains("ERROR at Row:1:Column:29").contains("unexpected token");
        assertThat(this.api.get(ApiCalls.V + "/query?q=" + ApiCalls.q("SELECT Id FROM Account WHERE Name = 'x")).list()
            .get(0)).containsEntry("errorCode", "MALFORMED_QUERY");
        assertThat(this.api.get(ApiCalls.V + "/query?q=" + ApiCalls.q("SELECT Id Name FROM Account")).list().get(0))
            .containsEntry("errorCode", "MALFORMED_QUERY");
    }

    @Test
    void reportsUnknownFieldsAndObjects() {
        Map<String, Object> field = this.api.get(ApiCalls.V + "/query?q="
                + ApiCalls.q("SELECT Id, Foo__c FROM Account"))
            .list()
            .get(0);
        assertThat(field).containsEntry("errorCode", "INVALID_FIELD");
        assertThat((String) field.get("message")).contains("ERROR at Row:1:Column:12")
            .contains("No such column 'Foo__c' on entity 'Account'");
        Map<String, Object> type = this.api.get(ApiCalls.V + "/query?q="
                + ApiCalls.q("SELECT Id FROM Foo__c")).list().get(0);
        assertThat(type).containsEntry("errorCode", "INVALID_TYPE");
        assertThat((String) type.get("message")).contains("sObject type 'Foo__c' is not supported");
        Map<String, Object> filter = this.api.get(ApiCalls.V + "/query?q="
                + ApiCalls.q("SELECT Id FROM Account WHERE NumberOfEmployees = '5'")).list().get(0);
        assertThat(filter).containsEntry("errorCode", "INVALID_QUERY_FILTER_OPERATOR");
    }

    @Test
    void rejectsOverlongUrisAndLiterals() {
        StringBuilder in = new StringBuilder("SELECT Id FROM Account WHERE Website IN (");
        for (int i = 0; i < 1200; i++) {
            in.append(i == 0 ? "" : ",").append("'site").append(i).append(".example.com'");
        }
        ApiCalls.Response tooLong = this.api.get(ApiCalls.V + "/query?q=" + ApiCalls.q(in.append(")").toString()));
        assertThat(tooLong.status()).isEqualTo(414);
        ApiCalls.Response literal = this.api.send("POST", ApiCalls.V + "/composite", ApiCalls.json(java.util.Map.of(
                "compositeRequest", List.of(Map.of("method", "GET", "referenceId", "q", "url", ApiCalls.V + "/query?q="
                        + ApiCalls.q("SELECT Id FROM Account WHERE Name = '" + "x".repeat(4001) + "'"))))),
                "application/json", Map.of());
        assertThat(literal.body()).contains("MALFORMED_QUERY").contains("String literal is too long");
    }

    @Test
    void parsesWithoutHttp() {
        SoqlQuery query = SoqlParser.parse("select id, account.name from contact where (a = 1 or b in ('x')) and not c like 'y%' order by id desc nulls last limit 5 offset 2");
        assertThat(query.fields()).extracting(SoqlQuery.FieldPath::path).containsExactly("id", "account.name");
        assertThat(query.where()).isInstanceOf(SoqlQuery.And.class);
        assertThat(query.orderBy().get(0).descending()).isTrue();
        assertThat(query.limit()).isEqualTo(5);
        assertThat(query.offset()).isEqualTo(2);
    }

}
