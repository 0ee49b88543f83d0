package org.guichet.server.view;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.stats.OutcomeCounts;
import org.guichet.server.domain.stats.StatsQuery;
import org.guichet.server.service.AgentDays;
import org.guichet.server.service.LiveSupervision;
import org.guichet.server.service.OccupancyStats;
import org.guichet.server.service.StatsService;

import java.util.Map;
import java.util.Optional;

/** Statistics as JSON, each answer in the same envelope: period, sites, filters, threshold, source. */
public final class StatsView {

    private StatsView() {
    }

    public static JsonObject overview(StatsService.Report report) {
        return envelope(report.query(), report.fromRollup()).put("totals", report.total().toJson());
    }

    public static JsonObject breakdown(StatsService.Report report) {
        JsonArray rows = new JsonArray();
        report.rows().forEach(row -> rows.add(row.toJson()));
        return envelope(report.query(), report.fromRollup()).put("by", report.query().by().apiName())
                .put("rows", rows);
    }

    public static JsonObject hours(StatsService.Hours hours) {
        return envelope(hours.query(), hours.fromRollup()).mergeIn(hours.profile().toJson());
    }

    /** Outcomes and orientations, labelled: an outcome by its service's name for it, a partner by its name. */
    public static JsonObject outcomes(StatsQuery query, OutcomeCounts counts, Catalog catalog,
                                      Map<String, String> partners) {
        JsonObject json = envelope(query, false).mergeIn(counts.toJson(
                (siteId, code) -> catalog.servicesOf(siteId).stream().map(service -> service.outcome(code))
                        .flatMap(Optional::stream).map(Catalog.Outcome::name).findFirst().orElse(code),
                code -> partners.getOrDefault(code, code)));
        json.remove("thresholdMinutes");
        return json;
    }

    public static JsonObject occupancy(OccupancyStats.Report report) {
        JsonArray counters = new JsonArray();
        report.counters().forEach(figures -> counters.add(new JsonObject()
                .put("key", figures.counter().id()).put("label", figures.counter().name())
                .put("siteId", figures.counter().siteId()).put("roomId", figures.counter().roomId())
                .mergeIn(figures.result().toJson())));
        JsonObject json = envelope(report.query(), false).put("counters", counters)
                .put("total", report.total().toJson()).put("source", "events");
        json.remove("exactPercentiles");
        return json;
    }

    /**
     * {@code {siteId, name, timeZone, at, counters:[counter as agents see it], queue:{...same as
     * guichet.site.<id>.queue}, today:{metrics}, alerts:[...]}}
     */
    public static JsonObject live(LiveSupervision.Live live, Catalog catalog) {
        JsonArray counters = new JsonArray();
        live.counters().forEach(state -> counters.add(CounterView.forAgent(state, catalog)));
        JsonArray alerts = new JsonArray();
        live.alerts().forEach(alert -> alerts.add(alert.toJson()));
        return new JsonObject().put("siteId", live.site().id()).put("name", live.site().name())
                .put("timeZone", live.site().zone().getId()).put("at", live.at().toString())
                .put("counters", counters).put("queue", QueueView.site(live.queue()))
                .put("today", live.today().toJson()).put("alerts", alerts);
    }

    public static JsonObject agentDay(AgentDays.Today today) {
        return today.summary().toJson()
                .put("agentId", today.agentId())
                .put("siteId", today.siteId())
                .put("serviceDay", today.serviceDay().toString())
                .put("at", today.at().toString());
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
}
