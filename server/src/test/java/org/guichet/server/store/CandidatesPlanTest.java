package org.guichet.server.store;

import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.guichet.server.domain.ServiceDay;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Choosing whom to call is read on every call-next: PostgreSQL must keep one plan for it per connection rather than
 * planning it again each time (its planning cost three to five times its execution on a counter of a few services).
 */
class CandidatesPlanTest {

    private static final int CALLS = 10;
    /** PostgreSQL plans a prepared statement for its parameters five times before it weighs a generic plan. */
    private static final int CUSTOM_PLANS_BEFORE_CHOOSING = 5;

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void the_candidates_of_a_counter_of_few_services_are_read_with_a_kept_plan() {
        String kiosk = server.deviceToken("kiosk-1");
        server.issue(kiosk, "svc-a");
        server.issue(kiosk, "svc-b");
        LocalDate today = ServiceDay.of(Instant.now(), ZoneId.of("Europe/Paris"));
        // One connection: prepared statements and their plans belong to a session.
        Pool oneConnection = Database.pool(server.vertx(), server.database(), 1);
        try {
            TicketStore tickets = new TicketStore(oneConnection);
            for (int i = 0; i < CALLS; i++) {
                TicketStore.Candidates candidates = TestServer.await(tickets.candidates("s1",
                        new String[]{"svc-a", "svc-b"}, "c1", today, 8, service -> Duration.ofMinutes(15)));
                assertThat(candidates.waiting()).hasSize(2);
            }
            Row plans = TestServer.await(oneConnection.preparedQuery(
                            "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement = $1")
                    .execute(Tuple.of(TicketStore.SELECT_CANDIDATES))).iterator().next();
            assertThat(plans.getLong("custom_plans")).isEqualTo(CUSTOM_PLANS_BEFORE_CHOOSING);
            assertThat(plans.getLong("generic_plans")).isEqualTo(CALLS - CUSTOM_PLANS_BEFORE_CHOOSING);
        } finally {
            TestServer.await(oneConnection.close());
        }
    }
}
