package org.guichet.server.view;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.stats.SatisfactionFigures;
import org.guichet.server.domain.QueueSummary;
import org.guichet.server.domain.stats.Metrics;
import org.guichet.server.service.PublishedIndicators;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The published indicators as JSON and as open data (CSV): figures only, nothing about a person. */
public final class IndicatorsView {

    private IndicatorsView() {
    }

    public static JsonObject site(PublishedIndicators.SiteIndicators indicators, Catalog catalog, Instant now) {
        Catalog.Site site = indicators.site();
        JsonArray live = new JsonArray();
        for (QueueSummary.ServiceQueue queue : indicators.live().services()) {
            if (queue.service().issuesTickets()) {
                live.add(new JsonObject().put("serviceId", queue.service().id())
                        .put("name", queue.service().name()).put("translations", queue.service().translations())
                        .put("waiting", queue.waiting())
                        .put("longestWaitMinutes", queue.waiting() == 0 ? null : queue.longestWaitSeconds() / 60)
                        .put("targetWaitMinutes", queue.service().targetWaitMinutes()));
            }
        }
        JsonArray busiest = new JsonArray();
        indicators.busiest().forEach(slot -> busiest.add(new JsonObject().put("weekday", slot.weekday())
                .put("hour", slot.hour()).put("arrivalsPerDay", Math.round(slot.arrivals() * 10) / 10.0)));
        return new JsonObject().put("siteId", site.id()).put("name", site.name()).put("address", site.address())
                .put("timeZone", site.zone().getId())
                .put("openingHours", site.opening().openingHoursJson())
                .put("open", site.openingAt(now).open())
                .put("month", month(indicators.figures(), indicators.month().toString()))
                .put("live", new JsonObject().put("at", indicators.live().at().toString()).put("services", live))
                .put("busiestHours", busiest).put("generatedAt", now.toString());
    }

    public static JsonObject network(PublishedIndicators.NetworkIndicators indicators, Instant now) {
        JsonArray sites = new JsonArray();
        indicators.sites().forEach(site -> sites.add(month(site, indicators.month().toString())
                .put("siteId", site.site().id()).put("name", site.site().name())));
        return new JsonObject().put("month", indicators.month().toString())
                .put("total", figures(indicators.total(), indicators.satisfaction()))
                .put("sites", sites).put("generatedAt", now.toString());
    }

    /** Open data: one row per site for the month, comma-separated, decimal points, English headers. */
    public static String openDataCsv(PublishedIndicators.NetworkIndicators indicators) {
        List<JsonObject> rows = new ArrayList<>();
        indicators.sites().forEach(site -> rows.add(month(site, indicators.month().toString())
                .put("siteId", site.site().id()).put("name", site.site().name())));
        List<StatsCsv.Column> columns = List.of(
                new StatsCsv.Column("mois", "month", row -> row.getString("period")),
                new StatsCsv.Column("site_id", "site_id", row -> row.getString("siteId")),
                new StatsCsv.Column("site", "site", row -> row.getString("name")),
                new StatsCsv.Column("tickets", "tickets", row -> row.getLong("tickets")),
                new StatsCsv.Column("servis", "served", row -> row.getLong("served")),
                new StatsCsv.Column("attente_moyenne_min", "average_wait_minutes",
                        row -> row.getValue("averageWaitMinutes")),
                new StatsCsv.Column("dans_objectif_pct", "within_target_percent",
                        row -> StatsCsv.percent(row.getValue("withinTargetShare"))),
                new StatsCsv.Column("avis", "answers", row -> row.getLong("answers")),
                new StatsCsv.Column("satisfaits_pct", "satisfied_percent",
                        row -> StatsCsv.percent(row.getValue("satisfiedShare"))),
                new StatsCsv.Column("note_moyenne", "average_score", row -> row.getValue("averageScore")));
        return StatsCsv.write(columns, rows, StatsCsv.Options.ENGLISH);
    }

    private static JsonObject month(PublishedIndicators.SiteMonth month, String period) {
        return figures(month.month(), month.satisfaction()).put("period", period);
    }

    /** The month's figures, as the statistics compute them. */
    private static JsonObject figures(Metrics metrics, SatisfactionFigures answers) {
        Double averageWait = metrics.waitTime().average();
        return new JsonObject().put("tickets", metrics.tickets()).put("served", metrics.served())
                .put("averageWaitMinutes", averageWait == null ? null : Math.round(averageWait / 6) / 10.0)
                .put("averageWaitSeconds", averageWait)
                .put("withinTargetShare", metrics.withinTargetShare())
                .put("answers", answers.answers()).put("satisfiedShare", answers.satisfiedShare())
                .put("averageScore", answers.averageScore());
    }
}
