package org.guichet.server;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The SQL statements a class holds as static final constants: a String, or the values of a Map (statements chosen by
 * key, like the ticket transitions by action or the statistics by grouping). A field that cannot be read fails the
 * test: a guard that skipped it would pass without looking.
 */
final class SqlConstants {

    private static final Pattern SQL = Pattern.compile("^\\s*(SELECT|WITH|INSERT|UPDATE|DELETE)\\b",
            Pattern.CASE_INSENSITIVE);

    /** One statement and the field that holds it. */
    record Statement(Field field, String sql) {
    }

    private SqlConstants() {
    }

    static List<Statement> heldBy(Class<?> type) {
        List<Statement> statements = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) || !Modifier.isFinal(field.getModifiers())
                || field.isSynthetic()) {
                continue;
            }
            Object value = valueOf(field);
            Collection<?> candidates = value instanceof Map<?, ?> map ? map.values() : Collections.singleton(value);
            for (Object candidate : candidates) {
                if (candidate instanceof String sql && SQL.matcher(sql).find()) {
                    statements.add(new Statement(field, sql));
                }
            }
        }
        return statements;
    }

    private static Object valueOf(Field field) {
        try {
            field.setAccessible(true);
            return field.get(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new IllegalStateException("could not read " + field + " to look for SQL in it", e);
        }
    }
}
