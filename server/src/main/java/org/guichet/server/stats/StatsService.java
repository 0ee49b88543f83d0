package org.guichet.server.stats;

import org.guichet.server.domain.stats.Metrics;
import org.guichet.server.domain.stats.StatsPlanner;
import org.guichet.server.domain.stats.StatsQuery;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.guichet.server.domain.ServiceDay;
import org.guichet.server.realtime.QueueSummaries;
import org.guichet.server.domain.Catalog;
import org.guichet.server.store.CatalogStore;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Statistics for the API: picks facts or rollups for each query and labels the groups. */
public final class StatsService {

    private static final String SELECT_AGENT_NAMES = "SELECT id, display_name FROM agent WHERE id = ANY($1)";

    private final Pool pool;
    private final CatalogStore catalogs;
    private final Clock clock;
    private final StatsPlanner planner;
    private final FactStats facts;
    private final RollupStats rollupStats;
    private final OccupancyStats occupancy;
    private final StatsRollups rollups;
    private final AlertMonitor alerts;
    private final LiveSupervision live;
    private final io.vertx.core.Vertx vertx;
    private long rollupTimer = -1;

    public StatsService(io.vertx.core.Vertx vertx, Pool pool, CatalogStore catalogs, Clock clock,
                        QueueSummaries summaries, StatsPlanner planner) {
        this.pool = pool;
        this.catalogs = catalogs;
        this.clock = clock;
        this.planner = planner;
        this.facts = new FactStats(pool);
        this.rollupStats = new RollupStats(pool);
        this.occupancy = new OccupancyStats(pool);
        this.rollups = new StatsRollups(pool);
        this.alerts = new AlertMonitor(vertx, pool, catalogs, clock);
        this.live = new LiveSupervision(pool, summaries);
        this.vertx = vertx;
    }

    /** The alert check and the rollup rebuild: one of each per server instance, whatever the number of verticles. */
    public void startJobs(java.time.Duration alertInterval, java.time.Duration rollupInterval) {
        alerts.start(alertInterval);
        rollupTimer = vertx.setPeriodic(rollupInterval.toMillis(), id -> rollups.rebuildDirty(StatsRollups.DEFAULT_BATCH)
                .onFailure(failure -> org.slf4j.LoggerFactory.getLogger(StatsService.class)
                        .warn("Statistics rollups could not be rebuilt; the facts still answer", failure)));
    }

    public void stopJobs() {
        alerts.stop();
        if (rollupTimer >= 0) {
            vertx.cancelTimer(rollupTimer);
            rollupTimer = -1;
        }
    }

    public StatsRollups rollups() {
        return rollups;
    }

    public Clock clock() {
        return clock;
    }

    /** The groups of a query, labelled, with where the figures came from. */
    public record Report(StatsQuery query, boolean fromRollup, List<Metrics> rows) {

        public JsonObject toJson() {
            JsonArray list = new JsonArray();
            rows.forEach(row -> list.add(row.toJson()));
            return envelope(query, fromRollup).put("by", query.by().apiName()).put("rows", list);
        }

        /** The single row of an ungrouped query (zeros when there is no ticket). */
        public Metrics total() {
            return rows.isEmpty() ? Metrics.empty("all", null, query.thresholdMinutes(), !fromRollup) : rows.get(0);
        }
    }

    public Future<Report> metrics(StatsQuery query) {
        boolean rollup = planner.useRollup(query);
        Future<List<Metrics>> rows = rollup ? rollupStats.metrics(query) : facts.metrics(query);
        return rows.compose(list -> label(query.by(), list)).map(list -> new Report(query, rollup, list));
    }

    public Future<JsonObject> overview(StatsQuery query) {
        StatsQuery total = query.withBy(StatsQuery.Breakdown.NONE);
        return metrics(total).map(report -> envelope(total, report.fromRollup())
                .put("totals", report.total().toJson()));
    }

    public Future<JsonObject> hours(StatsQuery query) {
        StatsQuery total = query.withBy(StatsQuery.Breakdown.NONE);
        boolean rollup = planner.useRollup(total);
        return (rollup ? rollupStats.hours(total) : facts.hours(total))
                .map(profile -> envelope(total, rollup).mergeIn(profile.toJson()));
    }

    public Future<JsonObject> occupancy(StatsQuery query) {
        return occupancy.occupancy(query, catalogs.get(), clock.instant())
                .map(result -> {
                    JsonObject json = envelope(query, false).mergeIn(result).put("source", "events");
                    json.remove("exactPercentiles");
                    return json;
                });
    }

    /** The live view of one site, with today's exact figures. */
    public Future<JsonObject> live(String siteId, int thresholdMinutes) {
        Catalog catalog = catalogs.get();
        Catalog.Site site = catalog.site(siteId);
        Instant now = clock.instant();
        LocalDate today = ServiceDay.of(now, site.zone());
        StatsQuery todayQuery = new StatsQuery(today, today, List.of(siteId), null, null, null, null,
                StatsQuery.Breakdown.NONE, thresholdMinutes, StatsQuery.Source.FACTS);
        return facts.metrics(todayQuery)
                .map(rows -> new Report(todayQuery, false, rows).total())
                .compose(total -> live.live(catalog, site, now, total, alerts.current(siteId)));
    }

    /**
     * Runs EXPLAIN ANALYZE of the statement {@link #metrics} (or {@link #hours}) would run, and answers its planning
     * and execution times (for the benchmark's --explain).
     */
    public Future<String> explain(StatsQuery query, boolean hours) {
        StatsQuery effective = hours ? query.withBy(StatsQuery.Breakdown.NONE) : query;
        boolean rollup = planner.useRollup(effective);
        String sql = rollup ? RollupStats.sql(effective, hours) : FactStats.sql(effective, hours);
        Tuple params = rollup ? RollupStats.explainParams(effective, hours) : FactStats.explainParams(effective, hours);
        return pool.preparedQuery("EXPLAIN (ANALYZE, SUMMARY) " + sql).execute(params).map(rows -> {
            StringBuilder plan = new StringBuilder();
            rows.forEach(row -> plan.append(row.getString(0)).append('\n'));
            return plan.toString();
        });
    }

    static JsonObject envelope(StatsQuery query, boolean fromRollup) {
        return new JsonObject()
                .put("period", new JsonObject().put("from", query.from().toString()).put("to", query.to().toString())
                        .put("days", query.days()))
                .put("siteIds", new JsonArray(query.siteIds()))
                .put("filters", new JsonObject().put("roomId", query.roomId()).put("serviceId", query.serviceId())
                        .put("counterId", query.counterId()).put("agentId", query.agentId()))
                .put("thresholdMinutes", query.thresholdMinutes())
                .put("source", fromRollup ? "rollup" : "facts")
                .put("exactPercentiles", !fromRollup);
    }

    private Future<List<Metrics>> label(StatsQuery.Breakdown by, List<Metrics> rows) {
        Catalog catalog = catalogs.get();
        if (by == StatsQuery.Breakdown.NONE) {
            return Future.succeededFuture(relabel(rows, key -> null).stream().map(row -> row.withLabel(null)).toList());
        }
        if (by == StatsQuery.Breakdown.AGENT) {
            Long[] ids = rows.stream().filter(row -> row.key() != null).map(row -> Long.parseLong(row.key()))
                    .toArray(Long[]::new);
            return pool.preparedQuery(SELECT_AGENT_NAMES).execute(Tuple.of((Object) ids)).map(names -> {
                Map<String, String> byId = new HashMap<>();
                for (Row row : names) {
                    byId.put(String.valueOf(row.getLong("id")), row.getString("display_name"));
                }
                return relabel(rows, key -> byId.get(key));
            });
        }
        return Future.succeededFuture(relabel(rows, key -> switch (by) {
            case SITE -> name(catalog.sites().get(key), Catalog.Site::name);
            case ROOM -> name(catalog.rooms().get(key), Catalog.Room::name);
            case SERVICE -> name(catalog.services().get(key), Catalog.Service::name);
            case COUNTER -> name(catalog.counters().get(key), Catalog.Counter::name);
            case NONE -> null;
            default -> key;
        }));
    }

    private static <T> String name(T item, java.util.function.Function<T, String> name) {
        return item == null ? null : name.apply(item);
    }

    private static List<Metrics> relabel(List<Metrics> rows, java.util.function.Function<String, String> label) {
        List<Metrics> labelled = new ArrayList<>();
        for (Metrics row : rows) {
            String name = row.key() == null ? null : label.apply(row.key());
            labelled.add(row.withLabel(name == null ? row.key() : name));
        }
        return labelled;
    }
}
