package com.goodfit.sync.source;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the source tables back as generated rows (without their mess, which the tables do not hold), so a test
 * can compare what a database stored with what the generator made.
 */
final class SourceTableRows {

    private SourceTableRows() {
    }

    static List<SampleCompany> companies(JdbcTemplate jdbc) {
        return jdbc.query("SELECT " + SampleDataWriter.COMPANY_COLUMNS + " FROM companies ORDER BY id",
                (rs, row) -> new SampleCompany(rs.getLong("id"), rs.getString("name"), rs.getString("domain"),
                        rs.getString("industry"), rs.getObject("employees", Integer.class),
                        rs.getBigDecimal("annual_revenue"), rs.getString("country"), rs.getString("city"),
                        rs.getString("linkedin_url"), rs.getString("description"), rs.getBigDecimal("score"),
                        rs.getString("tier"), rs.getObject("updated_at", LocalDateTime.class),
                        rs.getString("data_points"), Set.of()));
    }

    static List<SampleContact> contacts(JdbcTemplate jdbc) {
        return jdbc.query("SELECT " + SampleDataWriter.CONTACT_COLUMNS + " FROM contacts ORDER BY id",
                (rs, row) -> new SampleContact(rs.getLong("id"), rs.getLong("company_id"), rs.getString("email"),
                        rs.getString("first_name"), rs.getString("last_name"), rs.getString("title"),
                        rs.getString("seniority"), rs.getString("department"), rs.getString("phone"),
                        rs.getString("linkedin_url"), rs.getObject("updated_at", LocalDateTime.class), Set.of()));
    }

    static List<SampleCompany> companiesWithoutMess(SampleDataGenerator generator) {
        List<SampleCompany> companies = new ArrayList<>();
        for (Iterator<SampleCompany> rows = generator.companies(); rows.hasNext();) {
            SampleCompany c = rows.next();
            companies.add(new SampleCompany(c.id(), c.name(), c.domain(), c.industry(), c.employees(),
                    c.annualRevenue(), c.country(), c.city(), c.linkedinUrl(), c.description(), c.score(), c.tier(),
                    c.updatedAt(), c.dataPoints(), Set.of()));
        }
        return companies;
    }

    static List<SampleContact> contactsWithoutMess(SampleDataGenerator generator) {
        List<SampleContact> contacts = new ArrayList<>();
        for (Iterator<SampleContact> rows = generator.contacts(); rows.hasNext();) {
            SampleContact c = rows.next();
            contacts.add(new SampleContact(c.id(), c.companyId(), c.email(), c.firstName(), c.lastName(), c.title(),
                    c.seniority(), c.department(), c.phone(), c.linkedinUrl(), c.updatedAt(), Set.of()));
        }
        return contacts;
    }

}
