package org.guichet.server.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import org.guichet.server.domain.stats.Occupancy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The counter and ticket events occupancy is computed from, per counter, for a window of time. */
public final class OccupancyStore {

    static final String SELECT_STATUS_BEFORE = """
            SELECT c.id AS counter_id, last.kind
            FROM unnest($1::text[]) AS c(id)
            CROSS JOIN LATERAL (
                SELECT kind FROM counter_event e WHERE e.counter_id = c.id AND e.at < $2
                ORDER BY e.at DESC, e.id DESC LIMIT 1
            ) last""";
    static final String SELECT_COUNTER_EVENTS = """
            SELECT counter_id, kind, at FROM counter_event
            WHERE counter_id = ANY($1) AND at >= $2 AND at < $3
            ORDER BY counter_id, at, id""";
    /**
     * Events from 12 hours before the window, so calls and services in progress at its start are seen; read by their
     * site ($4), whose events at counters are indexed by time.
     */
    static final String SELECT_TICKET_EVENTS = """
            SELECT counter_id, ticket_id, kind, at FROM ticket_event
            WHERE site_id = $4 AND counter_id = ANY($1) AND at >= $2::timestamptz - interval '12 hours' AND at < $3
              AND kind IN ('CALL', 'START', 'FINISH', 'NO_SHOW', 'REQUEUE', 'TRANSFER')
            ORDER BY counter_id, ticket_id, id""";

    /** What happened at some counters in a window, and the last counter event of each before it. */
    public record Window(Map<String, String> lastKindBefore, Map<String, List<Occupancy.CounterEvent>> counterEvents,
                         Map<String, List<Occupancy.TicketEvent>> ticketEvents) {
    }

    private final Pool pool;

    public OccupancyStore(Pool pool) {
        this.pool = pool;
    }

    /** The window of some counters of one site. */
    public Future<Window> window(String siteId, String[] counterIds, Instant start, Instant end) {
        Tuple window = Tuple.of(counterIds, Sql.utc(start), Sql.utc(end));
        Future<RowSet<Row>> before = pool.preparedQuery(SELECT_STATUS_BEFORE)
                .execute(Tuple.of(counterIds, Sql.utc(start)));
        Future<RowSet<Row>> counterRows = pool.preparedQuery(SELECT_COUNTER_EVENTS).execute(window);
        Future<RowSet<Row>> ticketRows = pool.preparedQuery(SELECT_TICKET_EVENTS)
                .execute(Tuple.of(counterIds, Sql.utc(start), Sql.utc(end), siteId));
        return Future.all(before, counterRows, ticketRows).map(done -> {
            Map<String, String> lastKind = new HashMap<>();
            before.result().forEach(row -> lastKind.put(row.getString("counter_id"), row.getString("kind")));
            Map<String, List<Occupancy.CounterEvent>> counterEvents = new HashMap<>();
            for (Row row : counterRows.result()) {
                counterEvents.computeIfAbsent(row.getString("counter_id"), id -> new ArrayList<>())
                        .add(new Occupancy.CounterEvent(row.getString("kind"), Sql.instant(row, "at")));
            }
            Map<String, List<Occupancy.TicketEvent>> ticketEvents = new HashMap<>();
            for (Row row : ticketRows.result()) {
                ticketEvents.computeIfAbsent(row.getString("counter_id"), id -> new ArrayList<>())
                        .add(new Occupancy.TicketEvent(row.getLong("ticket_id"), row.getString("kind"),
                                Sql.instant(row, "at")));
            }
            return new Window(lastKind, counterEvents, ticketEvents);
        });
    }
}
