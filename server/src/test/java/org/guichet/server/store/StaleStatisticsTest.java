package org.guichet.server.store;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.guichet.server.domain.QueueSummary;
import org.guichet.server.domain.ServiceDay;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server that has run for months: statistics gathered at night over ended tickets say no ticket is open, and the
 * index of waiting tickets, emptied by the evening, is believed empty. Then a busy day's queues grow long. Reading
 * those queues must still cost a few pages, not a pass over every open ticket of the site per queue (which an index
 * of open tickets by site once led the planner to).
 */
class StaleStatisticsTest {

    private static final int HISTORY = 30_000;
    private static final int WAITING_TODAY = 3_000;
    /** Reading the head of each queue touches a handful of pages; a scan of the queue, hundreds. */
    private static final int FEW_PAGES = 50;

    private static final String WAITING_TICKETS = """
            INSERT INTO ticket (site_id, service_id, room_id, prefix, seq, service_day, priority, language, status,
                                status_token, arrival_at, issued_at, idempotency_key)
            SELECT 's1', 'svc-a', 'r1', 'A', 100000 + g, $1, 'NORMAL', 'fr', 'WAITING', md5($3 || g), at, at, $3 || g
            FROM generate_series(1, $2) g, LATERAL (SELECT now() - make_interval(secs => $2 - g) AS at) x""";

    @RegisterExtension
    final TestServer server = TestServer.perTest();
    private LocalDate today;

    @BeforeEach
    void aServerThatHasRunForMonths() {
        today = ServiceDay.of(Instant.now(), ZoneId.of("Europe/Paris"));
        server.sql("""
                INSERT INTO ticket (site_id, service_id, room_id, prefix, seq, service_day, priority, language, status,
                                    status_token, arrival_at, issued_at, ended_at, idempotency_key)
                SELECT 's1', svc, 'r1', prefix, g, $1::date - 1 - g % 60, 'NORMAL', 'fr', 'DONE', md5(g::text), at, at,
                       at + interval '20 minutes', 'history-' || g
                FROM generate_series(1, $2) g,
                     LATERAL (SELECT CASE g % 2 WHEN 0 THEN 'svc-a' ELSE 'svc-b' END AS svc,
                                     CASE g % 2 WHEN 0 THEN 'A' ELSE 'B' END AS prefix,
                                     ($1::date - 1 - g % 60)::timestamptz + interval '9 hours' AS at) x""",
                today, HISTORY);
        // Yesterday's queue, all served by the evening: the index of waiting tickets keeps its pages, now empty.
        server.sql(WAITING_TICKETS, today.minusDays(1), WAITING_TODAY, "yesterday-");
        server.sql("UPDATE ticket SET status = 'DONE', ended_at = now() WHERE status = 'WAITING'");
        // The night's vacuum and analyze: no ticket is open.
        server.sql("VACUUM ANALYZE ticket");
        server.sql(WAITING_TICKETS, today, WAITING_TODAY, "today-");
        // The bulk insert left a version of the queue's count per ticket; a day of single issues would not.
        server.sql("VACUUM queue_length");
    }

    @Test
    void the_waiting_room_summary_reads_the_head_of_each_queue_only() {
        LocalDate earliest = LocalDate.ofInstant(Instant.now(), ZoneOffset.UTC).minusDays(1);
        QueueSummary summary = TestServer.await(server.services().summaries().summary("s1"));
        assertThat(summary.services()).filteredOn(queue -> queue.waiting() > 0).singleElement()
                .satisfies(queue -> assertThat(queue.waiting()).isEqualTo(WAITING_TODAY));

        assertThat(pagesRead(TicketStore.SELECT_QUEUES, earliest, new String[]{"s1"})).isLessThan(FEW_PAGES);
        assertThat(pagesRead(TicketStore.SELECT_QUEUES, earliest, null)).isLessThan(FEW_PAGES);
    }

    @Test
    void choosing_whom_to_call_reads_the_oldest_tickets_only() {
        int perService = 20;
        Object[] candidates = {"s1", new String[]{"svc-a", "svc-b"}, "c1", perService, today};

        assertThat(server.sql(TicketStore.SELECT_CANDIDATES, candidates)).hasSize(perService);
        assertThat(pagesRead(TicketStore.SELECT_CANDIDATES, candidates)).isLessThan(FEW_PAGES);
    }

    /**
     * Pages the statement's reads of the ticket table touched (index and heap, in every scan node on it), from
     * PostgreSQL's own EXPLAIN ANALYZE with the same parameters; what it writes is not counted.
     */
    private long pagesRead(String sql, Object... params) {
        Row row = server.sql("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql, params).get(0);
        Object value = row.getValue(0);
        JsonArray explained = value instanceof JsonArray array ? array : new JsonArray(value.toString());
        return ticketScanPages(explained.getJsonObject(0).getJsonObject("Plan"));
    }

    private static long ticketScanPages(JsonObject node) {
        long pages = node.getString("Node Type").endsWith("Scan") && "ticket".equals(node.getString("Relation Name"))
                ? node.getLong("Shared Hit Blocks", 0L) + node.getLong("Shared Read Blocks", 0L)
                : 0;
        JsonArray children = node.getJsonArray("Plans", new JsonArray());
        for (int i = 0; i < children.size(); i++) {
            pages += ticketScanPages(children.getJsonObject(i));
        }
        return pages;
    }
}
