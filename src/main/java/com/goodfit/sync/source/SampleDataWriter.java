package com.goodfit.sync.source;

import java.sql.SQLException;
import java.util.Iterator;
import java.util.function.LongConsumer;

/**
 * Writes generated rows into the source tables on the connection it was made for, inside the caller's
 * transaction. Companies must be written before contacts (foreign key).
 */
interface SampleDataWriter {

    /** Columns of {@code companies} in the order every writer sends them. */
    String COMPANY_COLUMNS = "id, name, domain, industry, employees, annual_revenue, country, city, linkedin_url, "
            + "description, score, tier, updated_at, data_points";

    /** Columns of {@code contacts} in the order every writer sends them. */
    String CONTACT_COLUMNS = "id, company_id, email, first_name, last_name, title, seniority, department, phone, "
            + "linkedin_url, updated_at";

    /**
     * Writes every company.
     * @param progress told the running total of rows written, every thousand rows or so
     */
    void writeCompanies(Iterator<SampleCompany> companies, LongConsumer progress) throws SQLException;

    /**
     * Writes every contact.
     * @param progress told the running total of rows written, every thousand rows or so
     */
    void writeContacts(Iterator<SampleContact> contacts, LongConsumer progress) throws SQLException;

}
