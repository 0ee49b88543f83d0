package org.guichet.server.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A data directory made by an earlier version (initdb's "trust": any password, or none, let anyone in) asks for the
 * generated password from the next start on, its data kept.
 */
class EmbeddedDatabaseUpgradeTest {

    @TempDir
    Path dataDirectory;

    @Test
    void a_trusting_data_directory_is_secured_at_the_next_start() throws Exception {
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(dataDirectory.resolve("postgres"))
                .setCleanDataDirectory(false).start();
             Connection connection = earlier.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (value text)");
            statement.execute("INSERT INTO kept VALUES ('before the upgrade')");
        }

        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory)) {
            DatabaseSettings settings = database.settings();
            assertThatThrownBy(() -> DriverManager.getConnection(settings.jdbcUrl(), settings.user(), "postgres"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(failure -> assertThat(((SQLException) failure).getSQLState()).isEqualTo("28P01"));
            try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(),
                    settings.password());
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT value FROM kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("before the upgrade");
            }
        }
    }
}
