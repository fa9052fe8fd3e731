package org.broadsheet.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;

/**
 * Row mappers for records, one per class, reused. Use {@code jdbc.sql(…).query(Rows.of(Article.class))}
 * rather than {@code query(Article.class)}: JdbcClient's default mapper probes the result set for every
 * property name, and H2 answers each miss with an exception — a hundredfold slowdown on a page with many
 * rows. {@link DataClassRowMapper} reads the column names once from the result set's metadata.
 */
public final class Rows {

    private static final Map<Class<?>, RowMapper<?>> MAPPERS = new ConcurrentHashMap<>();

    private Rows() {
    }

    @SuppressWarnings("unchecked")
    public static <T> RowMapper<T> of(Class<T> type) {
        return (RowMapper<T>) MAPPERS.computeIfAbsent(type, DataClassRowMapper::new);
    }
}
