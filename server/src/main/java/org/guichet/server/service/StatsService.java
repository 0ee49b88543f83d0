package org.guichet.server.service;

import io.vertx.core.Future;
import org.guichet.server.domain.AccessPolicy.Action;
import org.guichet.server.domain.AccessPolicy;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.ServiceDay;
import org.guichet.server.domain.stats.HourProfile;
import org.guichet.server.domain.stats.Metrics;
import org.guichet.server.domain.stats.OutcomeCounts;
import org.guichet.server.domain.stats.StatsPlanner;
import org.guichet.server.domain.stats.StatsQuery;
import org.guichet.server.domain.stats.StatsQueryParser;
import org.guichet.server.store.AgentStore;
import org.guichet.server.store.FactStats;
import org.guichet.server.store.RollupStats;
import org.guichet.server.store.StatsRollups;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Statistics for supervisors and administrators of the sites concerned: picks facts or rollups for each query and
 * labels the groups.
 */
public final class StatsService {

    /** The groups of a query, labelled, with where the figures came from. */
    public record Report(StatsQuery query, boolean fromRollup, List<Metrics> rows) {

        /** The single row of an ungrouped query (zeros when there is no ticket). */
        public Metrics total() {
            return rows.isEmpty() ? Metrics.empty("all", null, query.thresholdMinutes(), !fromRollup) : rows.get(0);
        }
    }

    /** Arrivals and waits by local hour and weekday. */
    public record Hours(StatsQuery query, boolean fromRollup, HourProfile profile) {
    }

    private final FactStats facts;
    private final RollupStats rollupStats;
    private final StatsRollups rollups;
    private final OccupancyStats occupancy;
    private final LiveSupervision live;
    private final AlertMonitor alerts;
    private final AgentStore agents;
    private final Catalogs catalogs;
    private final StatsPlanner planner;
    private final Clock clock;
    private final Supplier<LocalDate> firstDayWithFacts;

    /** @param firstDayWithFacts the first day whose per-ticket facts the retention still keeps */
    public StatsService(FactStats facts, RollupStats rollupStats, StatsRollups rollups, OccupancyStats occupancy,
                        LiveSupervision live, AlertMonitor alerts, AgentStore agents, Catalogs catalogs,
                        StatsPlanner planner, Clock clock, Supplier<LocalDate> firstDayWithFacts) {
        this.facts = facts;
        this.rollupStats = rollupStats;
        this.rollups = rollups;
        this.occupancy = occupancy;
        this.live = live;
        this.alerts = alerts;
        this.agents = agents;
        this.catalogs = catalogs;
        this.planner = planner;
        this.clock = clock;
        this.firstDayWithFacts = firstDayWithFacts;
    }

    /**
     * Reads the filters every statistics request shares (see {@link StatsQueryParser}); refuses what the principal
     * may not see.
     */
    public StatsQuery query(Principal principal, Map<String, List<String>> params) {
        return new StatsQueryParser(catalogs.get(), principal, clock.instant()).parse(params);
    }

    public Future<Report> breakdown(StatsQuery query) {
        boolean rollup = planner.useRollup(query, firstDayWithFacts.get());
        Future<List<Metrics>> rows = rollup ? rollupStats.metrics(query) : facts.metrics(query);
        return rows.compose(list -> label(query.by(), list)).map(list -> new Report(query, rollup, list));
    }

    /** The whole scope as one group. */
    public Future<Report> overview(StatsQuery query) {
        return breakdown(query.withBy(StatsQuery.Breakdown.NONE));
    }

    public Future<Hours> hours(StatsQuery query) {
        StatsQuery total = query.withBy(StatsQuery.Breakdown.NONE);
        boolean rollup = planner.useRollup(total, firstDayWithFacts.get());
        return (rollup ? rollupStats.hours(total) : facts.hours(total))
                .map(profile -> new Hours(total, rollup, profile));
    }

    /** Outcomes read per-ticket facts: this bounds one request (a month of 250 sites). */
    public static final int MAX_OUTCOME_SITE_DAYS = 8_000;

    /** Visitors served, with each outcome code, and oriented to each partner, by site and local hour of arrival. */
    public Future<OutcomeCounts> outcomes(StatsQuery query) {
        if (query.siteDays() > MAX_OUTCOME_SITE_DAYS) {
            throw Failure.invalid("Outcomes cover at most " + MAX_OUTCOME_SITE_DAYS
                    + " site-days; choose fewer sites or a shorter period.");
        }
        return facts.outcomes(query.withBy(StatsQuery.Breakdown.NONE));
    }

    public Future<OccupancyStats.Report> occupancy(StatsQuery query) {
        return occupancy.occupancy(query, catalogs.get(), clock.instant());
    }

    /** One site now, with today's exact figures, for a supervisor of the site. */
    public Future<LiveSupervision.Live> live(Principal principal, String siteId, Map<String, List<String>> params) {
        StatsQueryParser.requireSupervisor(principal);
        if (siteId == null || siteId.isBlank()) {
            throw Failure.invalid("Give the siteId of the site to supervise.");
        }
        Catalog catalog = catalogs.get();
        Catalog.Site site = catalog.sites().get(siteId);
        if (site == null) {
            throw Failure.invalid("No site '" + siteId + "'.");
        }
        StatsQueryParser.requireSite(principal, siteId);
        int threshold = query(principal, params).thresholdMinutes();
        Instant now = clock.instant();
        LocalDate today = ServiceDay.of(now, site.zone());
        StatsQuery todayQuery = new StatsQuery(today, today, List.of(siteId), null, null, null, null,
                StatsQuery.Breakdown.NONE, threshold, StatsQuery.Source.FACTS);
        Future<Metrics> total = facts.metrics(todayQuery).map(rows -> new Report(todayQuery, false, rows).total());
        return live.live(site, now, total, alerts.current(siteId));
    }

    /** Rebuilds every rollup marked dirty now, rather than at the next periodic job; answers how many. */
    public Future<Integer> rebuildRollups(Principal principal) {
        AccessPolicy.require(principal, Action.REBUILD_ROLLUPS, AccessPolicy.Scope.none());
        return rollups.rebuildAllDirty();
    }

    /**
     * Rebuilds a batch of the rollups marked dirty whose site and day have gone quiet (the periodic job); answers how
     * many (0 if another instance is).
     */
    public Future<Integer> rebuildDirtyRollups() {
        return rollups.rebuildDirty(StatsRollups.DEFAULT_BATCH, StatsRollups.QUIET_BEFORE_REBUILD);
    }

    /** Whether the planner sends this query to the rollups (for the statistics benchmark). */
    public boolean usesRollup(StatsQuery query) {
        return planner.useRollup(query, firstDayWithFacts.get());
    }

    private Future<List<Metrics>> label(StatsQuery.Breakdown by, List<Metrics> rows) {
        Catalog catalog = catalogs.get();
        if (by == StatsQuery.Breakdown.NONE) {
            return Future.succeededFuture(rows.stream().map(row -> row.withLabel(null)).toList());
        }
        if (by == StatsQuery.Breakdown.AGENT) {
            Long[] ids = rows.stream().filter(row -> row.key() != null).map(row -> Long.parseLong(row.key()))
                    .toArray(Long[]::new);
            return agents.names(ids).map(names -> relabel(rows, key -> names.get(Long.parseLong(key))));
        }
        return Future.succeededFuture(relabel(rows, key -> switch (by) {
            case SITE -> name(catalog.sites().get(key), Catalog.Site::name);
            case ROOM -> name(catalog.rooms().get(key), Catalog.Room::name);
            case SERVICE -> name(catalog.services().get(key), Catalog.Service::name);
            case COUNTER -> name(catalog.counters().get(key), Catalog.Counter::name);
            default -> key;
        }));
    }

    private static <T> String name(T item, Function<T, String> name) {
        return item == null ? null : name.apply(item);
    }

    private static List<Metrics> relabel(List<Metrics> rows, Function<String, String> label) {
        List<Metrics> labelled = new ArrayList<>();
        for (Metrics row : rows) {
            String name = row.key() == null ? null : label.apply(row.key());
            labelled.add(row.withLabel(name == null ? row.key() : name));
        }
        return labelled;
    }
}
