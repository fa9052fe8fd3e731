package org.broadsheet.support;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Row mappers for records, one per class, reused: {@code jdbc.sql(…).query(Rows.of(Article.class))}.
 * <p>
 * Why not {@code query(Article.class)} or Spring's {@link DataClassRowMapper}: both look each component up
 * with {@code ResultSet.findColumn} under several spellings, and H2 answers every miss with an exception
 * that it also writes to its trace file under a lock — it made an article page a hundred times slower.
 * This mapper reads the column names once per row set from the metadata and matches them to the record's
 * components ignoring case and underscores ({@code photo_media_id} → {@code photoMediaId}).
 */
public final class Rows {

    private static final Map<Class<?>, RowMapper<?>> MAPPERS = new ConcurrentHashMap<>();

    private Rows() {
    }

    @SuppressWarnings("unchecked")
    public static <T> RowMapper<T> of(Class<T> type) {
        return (RowMapper<T>) MAPPERS.computeIfAbsent(type,
                t -> t.isRecord() ? new RecordMapper<>(t) : new DataClassRowMapper<>(t));
    }

    private static String normalise(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static final class RecordMapper<T> implements RowMapper<T> {

        private final Constructor<T> constructor;
        private final String[] names;
        private final Class<?>[] types;

        /**
         * Column labels → for each component its column (1-based, 0 for none). Matching names is worked out once
         * per query shape, not on every row: it was most of the cost of reading an article row.
         */
        private final Map<List<String>, int[]> layouts = new ConcurrentHashMap<>();

        private int[] columnsOf(List<String> labels) {
            Map<String, Integer> byName = new HashMap<>();
            for (int c = 1; c <= labels.size(); c++) {
                byName.putIfAbsent(normalise(labels.get(c - 1)), c);
            }
            int[] columns = new int[names.length];
            for (int i = 0; i < names.length; i++) {
                columns[i] = byName.getOrDefault(names[i], 0);
            }
            return columns;
        }

        RecordMapper(Class<T> type) {
            RecordComponent[] components = type.getRecordComponents();
            names = new String[components.length];
            types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = normalise(components[i].getName());
                types[i] = components[i].getType();
            }
            try {
                constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("No canonical constructor in " + type, e);
            }
        }

        @Override
        public T mapRow(ResultSet rs, int rowNum) throws SQLException {
            ResultSetMetaData meta = rs.getMetaData();
            String[] labels = new String[meta.getColumnCount()];
            for (int c = 1; c <= labels.length; c++) {
                labels[c - 1] = JdbcUtils.lookupColumnName(meta, c);
            }
            int[] columns = layouts.computeIfAbsent(Arrays.asList(labels), this::columnsOf);
            Object[] values = new Object[names.length];
            for (int i = 0; i < names.length; i++) {
                int column = columns[i];
                values[i] = column == 0 ? defaultFor(types[i]) : read(rs, column, types[i]);
            }
            try {
                return constructor.newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot build " + constructor.getDeclaringClass().getSimpleName(), e);
            }
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static Object read(ResultSet rs, int column, Class<?> type) throws SQLException {
            if (type.isEnum()) {
                String value = rs.getString(column);
                return value == null ? null : Enum.valueOf((Class<? extends Enum>) type, value);
            }
            Object value = JdbcUtils.getResultSetValue(rs, column, type);
            return value == null ? defaultFor(type) : value;
        }

        private static Object defaultFor(Class<?> type) {
            if (!type.isPrimitive()) {
                return null;
            }
            if (type == boolean.class) {
                return false;
            }
            if (type == long.class) {
                return 0L;
            }
            if (type == double.class) {
                return 0d;
            }
            if (type == float.class) {
                return 0f;
            }
            if (type == char.class) {
                return '\0';
            }
            if (type == byte.class) {
                return (byte) 0;
            }
            if (type == short.class) {
                return (short) 0;
            }
            return 0;
        }
    }
}
