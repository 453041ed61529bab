package com.goodfit.sync.source;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import com.goodfit.sync.database.BackgroundProducer;
import com.goodfit.sync.database.CopyTextEncoder;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Streams rows into PostgreSQL with {@code COPY ... FROM STDIN}: one thread generates and encodes rows into
 * buffers while the calling thread sends full buffers, so generation overlaps with the server's work.
 */
final class CopySampleDataWriter implements SampleDataWriter {

    private static final int CHUNK_BYTES = 256 * 1024;

    private static final int CHUNKS_IN_FLIGHT = 4;

    private final CopyManager copyManager;

    CopySampleDataWriter(Connection connection) throws SQLException {
        this.copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
    }

    @Override
    public void writeCompanies(Iterator<SampleCompany> companies, LongConsumer progress) throws SQLException {
        copy("COPY companies (" + COMPANY_COLUMNS + ") FROM STDIN", companies, CopySampleDataWriter::encode, progress);
    }

    @Override
    public void writeContacts(Iterator<SampleContact> contacts, LongConsumer progress) throws SQLException {
        copy("COPY contacts (" + CONTACT_COLUMNS + ") FROM STDIN", contacts, CopySampleDataWriter::encode, progress);
    }

    private <T> void copy(String sql, Iterator<T> rows, BiConsumer<CopyTextEncoder, T> encode, LongConsumer progress)
            throws SQLException {
        BlockingQueue<CopyTextEncoder> free = new ArrayBlockingQueue<>(CHUNKS_IN_FLIGHT + 2);
        for (int i = 0; i < CHUNKS_IN_FLIGHT + 2; i++) {
            free.add(new CopyTextEncoder(CHUNK_BYTES + 64 * 1024));
        }
        CopyIn copyIn = this.copyManager.copyIn(sql);
        try (BackgroundProducer<Chunk> filled = BackgroundProducer.start("generate-encoder", CHUNKS_IN_FLIGHT + 2,
                sink -> produce(rows, encode, free, sink))) {
            long written = 0;
            for (Chunk chunk = filled.next(); chunk != null; chunk = filled.next()) {
                copyIn.writeToCopy(chunk.encoder().bytes(), 0, chunk.encoder().length());
                written += chunk.rows();
                progress.accept(written);
                chunk.encoder().clear();
                free.add(chunk.encoder());
            }
            copyIn.endCopy();
        }
        finally {
            if (copyIn.isActive()) {
                copyIn.cancelCopy();
            }
        }
    }

    private static <T> void produce(Iterator<T> rows, BiConsumer<CopyTextEncoder, T> encode,
            BlockingQueue<CopyTextEncoder> free, Consumer<Chunk> filled) throws InterruptedException {
        CopyTextEncoder encoder = free.take();
        long count = 0;
        while (rows.hasNext()) {
            encode.accept(encoder, rows.next());
            count++;
            if (encoder.length() >= CHUNK_BYTES) {
                filled.accept(new Chunk(encoder, count));
                encoder = free.take();
                count = 0;
            }
        }
        if (count > 0) {
            filled.accept(new Chunk(encoder, count));
        }
    }

    private static void encode(CopyTextEncoder out, SampleCompany company) {
        out.number(company.id()).text(company.name()).text(company.domain()).text(company.industry());
        out.number(company.employees()).decimal(company.annualRevenue()).text(company.country()).text(company.city());
        out.text(company.linkedinUrl()).text(company.description()).decimal(company.score()).text(company.tier());
        out.timestamp(company.updatedAt()).text(company.dataPoints()).endRow();
    }

    private static void encode(CopyTextEncoder out, SampleContact contact) {
        out.number(contact.id()).number(contact.companyId()).text(contact.email()).text(contact.firstName());
        out.text(contact.lastName()).text(contact.title()).text(contact.seniority()).text(contact.department());
        out.text(contact.phone()).text(contact.linkedinUrl()).timestamp(contact.updatedAt()).endRow();
    }

    private record Chunk(CopyTextEncoder encoder, long rows) {
    }

}
