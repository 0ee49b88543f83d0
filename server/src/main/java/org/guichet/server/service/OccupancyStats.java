package org.guichet.server.service;

import io.vertx.core.Future;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.stats.Occupancy;
import org.guichet.server.domain.stats.StatsQuery;
import org.guichet.server.store.OccupancyStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Counter occupancy over a period, per counter, from counter_event and the ticket events at each counter. */
public final class OccupancyStats {

    /** Occupancy reads raw events; this bounds how many (about 500 a site-day) one request may read. */
    public static final int MAX_SITE_DAYS = 400;

    /** One counter's figures over the period. */
    public record CounterOccupancy(Catalog.Counter counter, Occupancy.Result result) {
    }

    /** Every counter in scope, and their sum. */
    public record Report(StatsQuery query, List<CounterOccupancy> counters, Occupancy.Result total) {
    }

    private final OccupancyStore store;

    public OccupancyStats(OccupancyStore store) {
        this.store = store;
    }

    public Future<Report> occupancy(StatsQuery query, Catalog catalog, Instant now) {
        if (query.serviceId() != null || query.agentId() != null) {
            throw Failure.invalid("Occupancy is per counter: filter by site, waiting room or counter.");
        }
        if (query.siteDays() > MAX_SITE_DAYS) {
            throw Failure.invalid("Occupancy covers at most " + MAX_SITE_DAYS
                    + " site-days; choose fewer sites or a shorter period.");
        }
        List<Future<List<CounterOccupancy>>> perSite = new ArrayList<>();
        for (String siteId : query.siteIds()) {
            Catalog.Site site = catalog.site(siteId);
            List<Catalog.Counter> counters = catalog.countersOf(siteId).stream()
                    .filter(counter -> query.counterId() == null || counter.id().equals(query.counterId()))
                    .filter(counter -> query.roomId() == null || counter.roomId().equals(query.roomId()))
                    .toList();
            Instant start = query.from().atStartOfDay(site.zone()).toInstant();
            Instant end = query.to().plusDays(1).atStartOfDay(site.zone()).toInstant();
            perSite.add(site(siteId, counters, start, end.isAfter(now) ? now : end));
        }
        return Future.all(perSite).map(done -> {
            List<CounterOccupancy> rows = new ArrayList<>();
            Occupancy.Result total = Occupancy.Result.NONE;
            for (Future<List<CounterOccupancy>> site : perSite) {
                for (CounterOccupancy figures : site.result()) {
                    rows.add(figures);
                    total = total.plus(figures.result());
                }
            }
            return new Report(query, rows, total);
        });
    }

    private Future<List<CounterOccupancy>> site(String siteId, List<Catalog.Counter> counters, Instant start,
                                                 Instant end) {
        if (counters.isEmpty() || !end.isAfter(start)) {
            return Future.succeededFuture(List.of());
        }
        String[] ids = counters.stream().map(Catalog.Counter::id).toArray(String[]::new);
        return store.window(siteId, ids, start, end).map(window -> counters.stream().map(counter -> {
            String lastKind = window.lastKindBefore().get(counter.id());
            return new CounterOccupancy(counter, Occupancy.compute(
                    lastKind == null ? null : Occupancy.statusAfter(lastKind, "CLOSED"),
                    window.counterEvents().getOrDefault(counter.id(), List.of()),
                    window.ticketEvents().getOrDefault(counter.id(), List.of()), start, end));
        }).toList());
    }
}
