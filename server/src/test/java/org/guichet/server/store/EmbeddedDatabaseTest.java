package org.guichet.server.store;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.SqlClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded PostgreSQL a trial server runs asks every client for its generated password. */
class EmbeddedDatabaseTest {

    private static final String INVALID_PASSWORD = "28P01";

    @TempDir
    static Path dataDirectory;
    private static EmbeddedDatabase database;
    private static Vertx vertx;

    @BeforeAll
    static void start() throws Exception {
        database = EmbeddedDatabase.start(dataDirectory);
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() throws Exception {
        if (vertx != null) {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void a_wrong_password_is_refused_and_the_generated_one_accepted() throws Exception {
        DatabaseSettings right = database.settings();
        DatabaseSettings wrong = new DatabaseSettings(right.host(), right.port(), right.database(), right.user(),
                "postgres");

        assertThatThrownBy(() -> DriverManager.getConnection(wrong.jdbcUrl(), wrong.user(), wrong.password()).close())
                .isInstanceOf(SQLException.class)
                .satisfies(failure -> assertThat(((SQLException) failure).getSQLState()).isEqualTo(INVALID_PASSWORD));
        assertThatThrownBy(() -> query(wrong, "SELECT 1"))
                .isInstanceOf(PgException.class)
                .satisfies(failure -> assertThat(((PgException) failure).getSqlState()).isEqualTo(INVALID_PASSWORD));

        try (Connection connection = DriverManager.getConnection(right.jdbcUrl(), right.user(), right.password())) {
            assertThat(connection.isValid(5)).isTrue();
        }
        assertThat(query(right, "SELECT 1")).containsExactly("1");
    }

    @Test
    void no_connection_is_trusted_not_even_on_the_local_socket() throws Exception {
        DatabaseSettings settings = database.settings();
        List<String> rules = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(),
                settings.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT type, auth_method FROM pg_hba_file_rules")) {
            while (rows.next()) {
                rules.add(rows.getString(1) + " " + rows.getString(2));
            }
        }
        assertThat(rules).contains("local scram-sha-256", "host scram-sha-256")
                .allSatisfy(rule -> assertThat(rule).endsWith(" scram-sha-256"));
    }

    @Test
    void the_password_is_kept_under_the_data_directory_for_its_owner_only() throws Exception {
        Path file = dataDirectory.resolve("postgres.password");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file).strip()).isEqualTo(database.settings().password())
                .hasSizeGreaterThanOrEqualTo(32);
    }

    private static List<String> query(DatabaseSettings settings, String sql) throws Exception {
        SqlClient client = PgBuilder.client().using(vertx).connectingTo(new PgConnectOptions()
                .setHost(settings.host()).setPort(settings.port()).setDatabase(settings.database())
                .setUser(settings.user()).setPassword(settings.password())).build();
        try {
            List<String> values = new ArrayList<>();
            client.query(sql).execute().await(30, TimeUnit.SECONDS)
                    .forEach(row -> values.add(String.valueOf(row.getValue(0))));
            return values;
        } finally {
            client.close().await(30, TimeUnit.SECONDS);
        }
    }
}
