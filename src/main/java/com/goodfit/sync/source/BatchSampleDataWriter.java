package com.goodfit.sync.source;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Iterator;
import java.util.function.LongConsumer;

import org.jspecify.annotations.Nullable;

/**
 * Writes rows with JDBC batch inserts: the path for the embedded H2 demo database, which has no COPY. Fine for
 * thousands of rows, slow for millions.
 */
final class BatchSampleDataWriter implements SampleDataWriter {

    private static final int BATCH_SIZE = 1000;

    // FORMAT JSON makes H2 parse the text as JSON instead of storing a JSON string literal.
    private static final String INSERT_COMPANY = "INSERT INTO companies (" + COMPANY_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FORMAT JSON)";

    private static final String INSERT_CONTACT = "INSERT INTO contacts (" + CONTACT_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Connection connection;

    BatchSampleDataWriter(Connection connection) {
        this.connection = connection;
    }

    @Override
    public void writeCompanies(Iterator<SampleCompany> companies, LongConsumer progress) throws SQLException {
        try (PreparedStatement insert = this.connection.prepareStatement(INSERT_COMPANY)) {
            long count = 0;
            while (companies.hasNext()) {
                SampleCompany company = companies.next();
                insert.setLong(1, company.id());
                insert.setString(2, company.name());
                insert.setString(3, company.domain());
                insert.setString(4, company.industry());
                setInteger(insert, 5, company.employees());
                insert.setBigDecimal(6, company.annualRevenue());
                insert.setString(7, company.country());
                insert.setString(8, company.city());
                insert.setString(9, company.linkedinUrl());
                insert.setString(10, company.description());
                insert.setBigDecimal(11, company.score());
                insert.setString(12, company.tier());
                insert.setObject(13, company.updatedAt());
                insert.setString(14, company.dataPoints());
                count = add(insert, count, progress);
            }
            flush(insert, count, progress);
        }
    }

    @Override
    public void writeContacts(Iterator<SampleContact> contacts, LongConsumer progress) throws SQLException {
        try (PreparedStatement insert = this.connection.prepareStatement(INSERT_CONTACT)) {
            long count = 0;
            while (contacts.hasNext()) {
                SampleContact contact = contacts.next();
                insert.setLong(1, contact.id());
                insert.setLong(2, contact.companyId());
                insert.setString(3, contact.email());
                insert.setString(4, contact.firstName());
                insert.setString(5, contact.lastName());
                insert.setString(6, contact.title());
                insert.setString(7, contact.seniority());
                insert.setString(8, contact.department());
                insert.setString(9, contact.phone());
                insert.setString(10, contact.linkedinUrl());
                insert.setObject(11, contact.updatedAt());
                count = add(insert, count, progress);
            }
            flush(insert, count, progress);
        }
    }

    private static void setInteger(PreparedStatement insert, int index, @Nullable Integer value) throws SQLException {
        if (value != null) {
            insert.setInt(index, value);
        }
        else {
            insert.setNull(index, Types.INTEGER);
        }
    }

    private static long add(PreparedStatement insert, long count, LongConsumer progress) throws SQLException {
        insert.addBatch();
        count++;
        if (count % BATCH_SIZE == 0) {
            insert.executeBatch();
            progress.accept(count);
        }
        return count;
    }

    private static void flush(PreparedStatement insert, long count, LongConsumer progress) throws SQLException {
        if (count % BATCH_SIZE != 0 || count == 0) {
            insert.executeBatch();
            progress.accept(count);
        }
    }

}
