package org.guichet.server.stats;

import org.guichet.server.domain.stats.Occupancy;
import org.guichet.server.domain.stats.StatsQuery;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.Catalog;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counter occupancy over a period, per counter, from counter_event and the ticket events at each counter. */
public final class OccupancyStats {

    /** Occupancy reads raw events; this bounds how many (about 500 a site-day) one request may read. */
    public static final int MAX_SITE_DAYS = 400;

    private static final String SELECT_STATUS_BEFORE = """
            SELECT c.id AS counter_id, last.kind
            FROM unnest($1::text[]) AS c(id)
            CROSS JOIN LATERAL (
                SELECT kind FROM counter_event e WHERE e.counter_id = c.id AND e.at < $2
                ORDER BY e.at DESC, e.id DESC LIMIT 1
            ) last""";
    private static final String SELECT_COUNTER_EVENTS = """
            SELECT counter_id, kind, at FROM counter_event
            WHERE counter_id = ANY($1) AND at >= $2 AND at < $3
            ORDER BY counter_id, at, id""";
    /** Events from 12 hours before the window, so calls and services in progress at its start are seen. */
    private static final String SELECT_TICKET_EVENTS = """
            SELECT counter_id, ticket_id, kind, at FROM ticket_event
            WHERE counter_id = ANY($1) AND at >= $2::timestamptz - interval '12 hours' AND at < $3
              AND kind IN ('CALL', 'START', 'FINISH', 'NO_SHOW', 'REQUEUE', 'TRANSFER')
            ORDER BY counter_id, ticket_id, id""";

    private record CounterFigures(Catalog.Counter counter, Occupancy.Result result) {

        JsonObject toJson() {
            return new JsonObject().put("key", counter.id()).put("label", counter.name())
                    .put("siteId", counter.siteId()).put("roomId", counter.roomId()).mergeIn(result.toJson());
        }
    }

    private final Pool pool;

    public OccupancyStats(Pool pool) {
        this.pool = pool;
    }

    /** {counters:[{counterId, label, siteId, roomId, openSeconds, ...}], total:{...}} */
    public Future<JsonObject> occupancy(StatsQuery query, Catalog catalog, Instant now) {
        if (query.serviceId() != null || query.agentId() != null) {
            throw Failure.invalid("Occupancy is per counter: filter by site, waiting room or counter.");
        }
        if (query.siteDays() > MAX_SITE_DAYS) {
            throw Failure.invalid("Occupancy covers at most " + MAX_SITE_DAYS
                    + " site-days; choose fewer sites or a shorter period.");
        }
        List<Future<List<CounterFigures>>> perSite = new ArrayList<>();
        for (String siteId : query.siteIds()) {
            Catalog.Site site = catalog.site(siteId);
            List<Catalog.Counter> counters = catalog.countersOf(siteId).stream()
                    .filter(counter -> query.counterId() == null || counter.id().equals(query.counterId()))
                    .filter(counter -> query.roomId() == null || counter.roomId().equals(query.roomId()))
                    .toList();
            Instant start = query.from().atStartOfDay(site.zone()).toInstant();
            Instant end = query.to().plusDays(1).atStartOfDay(site.zone()).toInstant();
            if (end.isAfter(now)) {
                end = now;
            }
            perSite.add(site(counters, start, end));
        }
        return Future.all(perSite).map(done -> {
            JsonArray rows = new JsonArray();
            Occupancy.Result total = Occupancy.Result.NONE;
            for (Future<List<CounterFigures>> site : perSite) {
                for (CounterFigures figures : site.result()) {
                    rows.add(figures.toJson());
                    total = total.plus(figures.result());
                }
            }
            return new JsonObject().put("counters", rows).put("total", total.toJson());
        });
    }

    private Future<List<CounterFigures>> site(List<Catalog.Counter> counters, Instant start, Instant end) {
        if (counters.isEmpty() || !end.isAfter(start)) {
            return Future.succeededFuture(List.of());
        }
        String[] ids = counters.stream().map(Catalog.Counter::id).toArray(String[]::new);
        Tuple window = Tuple.of(ids, utc(start), utc(end));
        Future<RowSet<Row>> before = pool.preparedQuery(SELECT_STATUS_BEFORE).execute(Tuple.of(ids, utc(start)));
        Future<RowSet<Row>> counterRows = pool.preparedQuery(SELECT_COUNTER_EVENTS).execute(window);
        Future<RowSet<Row>> ticketRows = pool.preparedQuery(SELECT_TICKET_EVENTS).execute(window);
        return Future.all(before, counterRows, ticketRows).map(done -> {
            Map<String, String> statusBefore = new HashMap<>();
            before.result().forEach(row -> statusBefore.put(row.getString("counter_id"),
                    Occupancy.statusAfter(row.getString("kind"), "CLOSED")));
            Map<String, List<Occupancy.CounterEvent>> counterEvents = new HashMap<>();
            for (Row row : counterRows.result()) {
                counterEvents.computeIfAbsent(row.getString("counter_id"), id -> new ArrayList<>())
                        .add(new Occupancy.CounterEvent(row.getString("kind"), instant(row)));
            }
            Map<String, List<Occupancy.TicketEvent>> ticketEvents = new HashMap<>();
            for (Row row : ticketRows.result()) {
                ticketEvents.computeIfAbsent(row.getString("counter_id"), id -> new ArrayList<>())
                        .add(new Occupancy.TicketEvent(row.getLong("ticket_id"), row.getString("kind"), instant(row)));
            }
            List<CounterFigures> result = new ArrayList<>();
            for (Catalog.Counter counter : counters) {
                result.add(new CounterFigures(counter, Occupancy.compute(statusBefore.get(counter.id()),
                        counterEvents.getOrDefault(counter.id(), List.of()),
                        ticketEvents.getOrDefault(counter.id(), List.of()), start, end)));
            }
            return result;
        });
    }

    private static Instant instant(Row row) {
        return row.getOffsetDateTime("at").toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
