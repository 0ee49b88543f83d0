package org.guichet.server.admin;

import org.guichet.server.testing.MutableClock;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Entries older than the configured retention are deleted, in bounded batches, as the clock moves on. */
class AuditRetentionTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final MutableClock clock = new MutableClock(NOW);

    @RegisterExtension
    static final TestServer server = TestServer.perClass()
            .withOptions(options -> options.withClock(clock).withAuditRetention(Duration.ofDays(30)));

    @Test
    void entries_older_than_the_retention_are_deleted_batch_by_batch() {
        server.sql("DELETE FROM audit_log");
        for (int daysAgo : List.of(45, 40, 35, 31, 31, 29, 1)) {
            server.sql("INSERT INTO audit_log (at, actor_username, action, entity_kind, entity_id) "
                       + "VALUES ($1, 'admin', 'test.entry', 'test', $2)",
                    NOW.minus(Duration.ofDays(daysAgo)).atOffset(java.time.ZoneOffset.UTC), daysAgo + "d");
        }

        assertThat(TestServer.await(server.services().audit().deleteExpired(2))).isEqualTo(5);
        assertThat(remaining()).containsExactly("29d", "1d");

        clock.advance(Duration.ofDays(2));
        assertThat(TestServer.await(server.services().audit().deleteExpired(2))).isEqualTo(1);
        assertThat(remaining()).containsExactly("1d");
        assertThat(TestServer.await(server.services().audit().deleteExpired())).isZero();
    }

    private static List<String> remaining() {
        return server.sql("SELECT entity_id FROM audit_log ORDER BY at").stream()
                .map(row -> row.getString("entity_id")).toList();
    }
}
