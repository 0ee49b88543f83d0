package org.guichet.server.store;

import io.vertx.sqlclient.Pool;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Since V34 the events of a site are indexed by time only where someone acted at a counter (not a kiosk's issue):
 * each statement that reads a site's events must say enough for PostgreSQL to prove it only wants those, in the plan
 * it keeps for every call, or it would read every event.
 */
class TicketEventIndexesTest {

    /** The index read for one site from a point in time, not from end to end. */
    private static final Pattern SITE_AND_TIME_FROM_THE_INDEX =
            Pattern.compile("ticket_event_acted[^\\n]*\\n\\s*Index Cond: \\(\\(site_id = \\$\\d\\) AND \\(at >= ");

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    static Stream<Arguments> readersOfASitesEvents() {
        return Stream.of(
                Arguments.of("training figures", TrainingStore.AGENT_FIGURES, "'s1', now()"),
                Arguments.of("training's latest actions", TrainingStore.LATEST_ACTIONS, "'s1', now(), 20"),
                Arguments.of("an agent's day", TicketStore.SELECT_EVENTS_OF_AGENT_TICKETS,
                        "1, 's1', now() - interval '1 day', now()"),
                Arguments.of("occupancy", OccupancyStore.SELECT_TICKET_EVENTS,
                        "ARRAY['c1', 'c2'], now() - interval '1 day', now(), 's1'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readersOfASitesEvents")
    void reads_the_events_acted_at_counters_by_their_index_in_its_kept_plan(String reader, String statement,
                                                                             String arguments) {
        // One connection: the settings and the prepared statement belong to a session. A test's tables are a few rows,
        // which the planner would rightly read whole: told not to, it shows which indexes it can use.
        Pool oneConnection = Database.pool(server.vertx(), server.database(), 1);
        try {
            String plan = TestServer.await(oneConnection.withConnection(connection -> connection
                    .query("SET enable_seqscan = off").execute()
                    .compose(set -> connection.query("SET plan_cache_mode = force_generic_plan").execute())
                    .compose(set -> connection.query("PREPARE reader AS " + statement).execute())
                    .compose(prepared -> connection.query("EXPLAIN EXECUTE reader(" + arguments + ")").execute())
                    .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(row -> row.getString(0))
                            .collect(Collectors.joining("\n")))));
            assertThat(plan).as(reader).containsPattern(SITE_AND_TIME_FROM_THE_INDEX);
        } finally {
            TestServer.await(oneConnection.close());
        }
    }
}
