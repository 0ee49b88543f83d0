package org.guichet.server.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.guichet.server.store.DatabaseSettings;
import org.guichet.server.store.Migrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real embedded PostgreSQL per test JVM; each caller gets a database of its own in it. A migrated one is a copy
 * of a template migrated once per JVM by the same {@link Migrations} a server runs at start (then finding nothing to
 * apply): about a second less for each of the suite's two hundred servers.
 */
public final class TestDatabase {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;
    private static String migratedTemplate;

    private TestDatabase() {
    }

    /** A new database with every migration applied and no row but what the migrations write. */
    public static synchronized DatabaseSettings freshDatabase() {
        if (migratedTemplate == null) {
            DatabaseSettings template = emptyDatabase();
            Migrations.migrate(template);
            migratedTemplate = template.database();
        }
        return create(migratedTemplate);
    }

    /** A new database without a schema, for the tests of the migrations themselves. */
    public static synchronized DatabaseSettings emptyDatabase() {
        return create(null);
    }

    /** A new database, empty or a copy of {@code template} when one is named. */
    private static DatabaseSettings create(String template) {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is ending anyway
                    }
                }));
            }
            String name = "guichet_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name + (template == null ? "" : " TEMPLATE " + template));
            }
            return new DatabaseSettings("localhost", postgres.getPort(), name, "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
