package org.guichet.server.store;

import org.flywaydb.core.Flyway;

import java.util.Arrays;

/** Versioned schema migrations (db/migration/V*__*.sql), run at start through JDBC; runtime SQL uses the Vert.x client. */
public final class Migrations {

    /**
     * The checksum of the first released text of V3, changed afterwards by mistake; V7 brings a database it migrated to
     * the same schema, so that one applied text is accepted (any other mismatch still stops the server).
     */
    static final int FIRST_RELEASED_V3_CHECKSUM = 2063917890;

    private Migrations() {
    }

    public static int migrate(DatabaseSettings settings) {
        Flyway flyway = Flyway.configure()
                .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations("classpath:db/migration")
                .load();
        boolean firstReleasedV3 = Arrays.stream(flyway.info().applied())
                .anyMatch(applied -> "3".equals(applied.getVersion().getVersion())
                        && Integer.valueOf(FIRST_RELEASED_V3_CHECKSUM).equals(applied.getChecksum()));
        if (firstReleasedV3) {
            flyway.repair();
        }
        return flyway.migrate().migrationsExecuted;
    }
}
