package com.goodfit.sync.source.filter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.goodfit.sync.database.DatabaseKind;
import com.goodfit.sync.source.FieldDirectory;
import com.goodfit.sync.source.FieldDirectoryRepository;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link CompanySelection} into the SQL condition a run's company reader applies (on the source alias
 * {@code s}), for the database in use. Contacts of a filtered run are those of the selected companies.
 */
@Component
public class CompanySelectionCompiler {

    /** Prefix of the selection's named parameters, distinct from the reader's own ({@code jobName}). */
    static final String PREFIX = "selection_";

    private final FieldDirectoryRepository fieldDirectory;

    private final DataSource dataSource;

    private final DatabaseKind database;

    CompanySelectionCompiler(FieldDirectoryRepository fieldDirectory, DataSource dataSource, DatabaseKind database) {
        this.fieldDirectory = fieldDirectory;
        this.dataSource = dataSource;
        this.database = database;
    }

    /**
     * @param selection the companies to sync
     * @return the condition and its parameters, or null when the selection is every company
     * @throws FilterException when the filter cannot be used
     */
    public @Nullable CompiledFilter compile(CompanySelection selection) {
        return compile(selection, this.fieldDirectory.load());
    }

    /**
     * @param selection the companies to sync
     * @return how many companies it selects now
     */
    public long count(CompanySelection selection) {
        CompiledFilter compiled = compile(selection);
        String sql = "SELECT COUNT(*) FROM companies s" + ((compiled != null) ? " WHERE " + compiled.sql() : "");
        Long count = new NamedParameterJdbcTemplate(this.dataSource).queryForObject(sql,
                (compiled != null) ? compiled.parameters() : Map.of(), Long.class);
        return (count != null) ? count : 0;
    }

    @Nullable CompiledFilter compile(CompanySelection selection, FieldDirectory directory) {
        if (selection.isAll()) {
            return null;
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        List<String> conditions = new ArrayList<>();
        if (selection.filter() != null) {
            CompiledFilter filter = new FilterCompiler(directory, dialect(), PREFIX).compile(selection.filter());
            conditions.add(filter.sql());
            parameters.putAll(filter.parameters());
        }
        if (!selection.ids().isEmpty()) {
            List<String> names = new ArrayList<>();
            for (Long id : selection.ids()) {
                String name = PREFIX + "id" + names.size();
                names.add(":" + name);
                parameters.put(name, id);
            }
            conditions.add("(s.id IN (" + String.join(", ", names) + "))");
        }
        String condition = String.join(" AND ", conditions);
        if (selection.limit() == null) {
            return new CompiledFilter(condition, parameters);
        }
        parameters.put(PREFIX + "limit", selection.limit());
        // The N lowest ids among the matches; the inner alias is s again so the condition reads the same inside.
        String lowest = "SELECT s.id FROM companies s" + (condition.isEmpty() ? "" : " WHERE " + condition)
                + " ORDER BY s.id LIMIT :" + PREFIX + "limit";
        return new CompiledFilter("(s.id IN (SELECT lowest.id FROM (" + lowest + ") lowest))", parameters);
    }

    private FilterDialect dialect() {
        return this.database.isPostgres() ? FilterDialect.POSTGRESQL : FilterDialect.H2;
    }

}
