package org.guichet.server;

import io.vertx.pgclient.PgConnectOptions;
import org.guichet.server.store.Database;
import org.guichet.server.store.DatabaseSettings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every SQL statement the server keeps as a constant must fit the prepared statement cache of the PG client the server
 * configures: one that does not is parsed and planned again on every execution (the issuing batch once cost 1.6 ms of
 * 7 that way).
 */
class SqlStatementsTest {

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

    private static List<String> sqlConstants() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(GuichetServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> statements = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, SqlStatementsTest.class.getClassLoader());
                SqlConstants.heldBy(type).forEach(statement -> statements.add(statement.sql()));
            }
        }
        return statements;
    }
}
