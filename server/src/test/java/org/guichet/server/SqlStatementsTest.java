package org.guichet.server;

import io.vertx.pgclient.PgConnectOptions;
import org.guichet.server.store.Database;
import org.guichet.server.store.DatabaseSettings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every SQL statement the server keeps as a constant must fit the prepared statement cache of the PG client the server
 * configures: one that does not is parsed and planned again on every execution (the issuing batch once cost 1.6 ms of
 * 7 that way).
 */
class SqlStatementsTest {

    private static final Pattern SQL = Pattern.compile("^\\s*(SELECT|WITH|INSERT|UPDATE|DELETE)\\b",
            Pattern.CASE_INSENSITIVE);

    @Test
    void every_statement_fits_the_prepared_statement_cache() throws Exception {
        List<String> statements = sqlConstants();
        PgConnectOptions pool = Database.connectOptions(new DatabaseSettings("localhost", 5432, "guichet",
                "guichet", "unused"));

        assertThat(statements).as("SQL constants found in the server's classes").hasSizeGreaterThan(50);
        assertThat(statements).anySatisfy(sql -> assertThat(sql).contains("INSERT INTO ticket_sequence"));
        assertThat(statements).as("the statistics statements, held by grouping")
                .anySatisfy(sql -> assertThat(sql).contains("percentile_cont").contains("GROUP BY 1"));
        assertThat(pool.getCachePreparedStatements()).isTrue();
        assertThat(statements).allSatisfy(sql -> assertThat(pool.getPreparedStatementCacheSqlFilter().test(sql))
                .as("cached: %s… (%d characters)", sql.substring(0, Math.min(60, sql.length())).replaceAll("\\s+", " "),
                        sql.length())
                .isTrue());
    }

    private static List<String> sqlConstants() throws IOException, URISyntaxException, ReflectiveOperationException {
        Path classes = Path.of(GuichetServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> statements = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, SqlStatementsTest.class.getClassLoader());
                for (Field field : type.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers()) || !Modifier.isFinal(field.getModifiers())
                        || field.isSynthetic() || type.isEnum()) {
                        continue;
                    }
                    field.setAccessible(true);
                    Object value = field.get(null);
                    // A constant, or a table of them chosen by key (statistics by grouping, transitions by action).
                    List<?> values = value instanceof Map<?, ?> map ? List.copyOf(map.values()) : List.of(
                            value == null ? "" : value);
                    for (Object item : values) {
                        if (item instanceof String sql && SQL.matcher(sql).find()) {
                            statements.add(sql);
                        }
                    }
                }
            }
        }
        return statements;
    }
}
