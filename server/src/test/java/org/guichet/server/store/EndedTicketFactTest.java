package org.guichet.server.store;

import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.await;

/**
 * Ending a ticket records its fact by reading that ticket alone, whatever the planner believes about open tickets: with
 * months of ended tickets analysed it takes the open tickets' index for nearly empty, and reading the facts' view
 * through it made every ending read every open ticket of the network (V30).
 */
class EndedTicketFactTest {

    private static final int ENDED_HISTORY = 5_000;
    private static final int OPEN_TICKETS = 600;
    private static final int HISTORY_PER_DAY = 100;

    /**
     * Ends the ticket as FINISH does (the ticket ended, then its event), and says in the same transaction how many
     * index entries of the open tickets' index were read meanwhile.
     */
    private static final String FINISH_AND_COUNT_OPEN_READ = """
            UPDATE ticket SET status = 'DONE', ended_at = now() WHERE id = %1$d;
            INSERT INTO ticket_event (ticket_id, site_id, service_id, kind, at, counter_id)
            SELECT id, site_id, service_id, 'FINISH', now(), counter_id FROM ticket WHERE id = %1$d;
            SELECT pg_stat_get_xact_tuples_returned('ticket_not_ended_by_site'::regclass) AS open_read""";

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void ending_a_ticket_reads_no_other_open_ticket() {
        String agent = server.agentAtCounter("ended.fact", "s1", "c1");
        long id = server.inService(agent, "c1", "svc-a").getLong("id");
        server.sql(TicketRows.LOAD_ENDED_HISTORY, ENDED_HISTORY, HISTORY_PER_DAY);
        server.sql("ANALYZE ticket");
        server.sql(TicketRows.ADD_OPEN_TICKETS, OPEN_TICKETS);

        assertThat(plan("EXPLAIN SELECT id FROM ticket WHERE id = " + id
                + " AND ended_at IS NULL AND first_called_at IS NULL"))
                .as("the premise: by these statistics, an open ticket is cheaper to find among the open ones")
                .contains("ticket_not_ended_by_site");

        long openRead = finishCountingOpenRead(id);

        assertThat(server.sql("SELECT outcome FROM ticket_fact WHERE ticket_id = $1", id))
                .as("the ended ticket's fact").singleElement()
                .satisfies(fact -> assertThat(fact.getString("outcome")).isEqualTo("DONE"));
        assertThat(openRead).as("entries of the open tickets' index read to end one ticket").isZero();
    }

    private static String plan(String explain) {
        StringBuilder plan = new StringBuilder();
        server.sql(explain).forEach(row -> plan.append(row.getString(0)).append('\n'));
        return plan.toString();
    }

    private static long finishCountingOpenRead(long ticketId) {
        Pool pool = Database.pool(server.vertx(), server.database(), 1);
        try {
            RowSet<Row> result = await(pool.query(FINISH_AND_COUNT_OPEN_READ.formatted(ticketId)).execute());
            while (result.next() != null) {
                result = result.next();
            }
            return result.iterator().next().getLong("open_read");
        } finally {
            await(pool.close());
        }
    }
}
