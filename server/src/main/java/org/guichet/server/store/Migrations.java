package org.guichet.server.store;

import org.flywaydb.core.Flyway;

/** Versioned schema migrations (db/migration/V*__*.sql), run at start through JDBC; runtime SQL uses the Vert.x client. */
public final class Migrations {

    private Migrations() {
    }

    public static int migrate(DatabaseSettings settings) {
        return Flyway.configure()
                .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations("classpath:db/migration")
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
