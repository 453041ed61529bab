package com.goodfit.sync.source;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the contacts index needs to know of a run's source contacts before it decides how to read the org: how many
 * there are, their raw emails and the Salesforce Ids earlier syncs linked them to, under the run's selection.
 */
@Component
public class SourceContacts {

    private static final int FETCH_SIZE = 2_000;

    private final NamedParameterJdbcTemplate jdbc;

    SourceContacts(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.jdbc.getJdbcTemplate().setFetchSize(FETCH_SIZE);
    }

    /**
     * @param jobName the job whose links count
     * @param selection the run's condition on companies (alias {@code s}), or null for all
     * @param parameters its named parameters
     * @return the number of contacts the run reads, and how many of them carry a link
     */
    public Counts count(String jobName, @Nullable String selection, Map<String, Object> parameters) {
        return this.jdbc.queryForObject("SELECT COUNT(*) AS total, COUNT(l.sf_id) AS linked FROM " + from(selection),
                withJob(jobName, parameters), (rs, n) -> new Counts(rs.getLong("total"), rs.getLong("linked")));
    }

    /**
     * Streams the raw emails of the run's contacts (nulls included), in id order.
     * @param jobName the job
     * @param selection the run's condition on companies, or null
     * @param parameters its named parameters
     * @param consumer receives each email
     */
    public void forEachEmail(String jobName, @Nullable String selection, Map<String, Object> parameters,
            Consumer<@Nullable String> consumer) {
        this.jdbc.query("SELECT s.email FROM " + from(selection) + " ORDER BY s.id", withJob(jobName, parameters),
                rs -> {
                    consumer.accept(rs.getString(1));
                });
    }

    /**
     * Streams the Salesforce Ids the run's contacts are linked to.
     * @param jobName the job
     * @param selection the run's condition on companies, or null
     * @param parameters its named parameters
     * @param consumer receives each Id
     */
    public void forEachLinkedId(String jobName, @Nullable String selection, Map<String, Object> parameters,
            Consumer<String> consumer) {
        this.jdbc.query("SELECT l.sf_id FROM " + from(selection) + " AND l.sf_id IS NOT NULL ORDER BY s.id",
                withJob(jobName, parameters), rs -> {
                    consumer.accept(rs.getString(1));
                });
    }

    private static String from(@Nullable String selection) {
        return "contacts s LEFT JOIN sf_link l ON l.job_name = :jobName AND l.object_type = 'contact' "
                + "AND l.source_id = s.id WHERE "
                + ((selection != null) ? SourceReaderFactory.condition(SourceObject.CONTACT, selection) : "1 = 1");
    }

    private static Map<String, Object> withJob(String jobName, Map<String, Object> parameters) {
        Map<String, Object> all = new HashMap<>(parameters);
        all.put("jobName", jobName);
        return all;
    }

    /**
     * @param total contacts the run reads
     * @param linked those of them an earlier sync linked to a Contact
     */
    public record Counts(long total, long linked) {
    }

}
