package org.guichet.server.view;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.stats.SatisfactionFigures;
import org.guichet.server.service.SatisfactionSurvey;

/**
 * Satisfaction figures, in the statistics envelope: answers, response rate (answers over visitors served), mean score
 * out of 5, share satisfied (4 or 5, the usual "taux de satisfaction"), and the count of each score.
 */
public final class SatisfactionView {

    private SatisfactionView() {
    }

    public static JsonObject report(SatisfactionSurvey.Report report, Catalog catalog) {
        JsonArray rows = new JsonArray();
        report.rows().forEach(row -> rows.add(figures(row).put("key", row.key())
                .put("label", label(report.by(), row.key(), catalog))));
        JsonArray comments = new JsonArray();
        report.comments().forEach(comment -> comments.add(new JsonObject().put("score", comment.score())
                .put("comment", comment.comment()).put("day", comment.day().toString())
                .put("serviceId", comment.serviceId()).put("service", label("service", comment.serviceId(), catalog))
                .put("counterId", comment.counterId())
                .put("counter", label("counter", comment.counterId(), catalog))));
        JsonObject totals = figures(report.total()).put("served", report.served())
                .put("responseRate", report.served() == 0 ? null
                        : round(Math.min(1.0, (double) report.total().answers() / report.served())));
        JsonObject json = StatsView.envelope(report.query(), false).put("by", report.by()).put("totals", totals)
                .put("rows", rows).put("comments", comments).put("byAgentAllowed", report.byAgentAllowed());
        json.remove("thresholdMinutes");
        return json;
    }

    private static JsonObject figures(SatisfactionFigures figures) {
        JsonArray distribution = new JsonArray();
        for (long count : figures.distribution()) {
            distribution.add(count);
        }
        return new JsonObject().put("answers", figures.answers()).put("averageScore", figures.averageScore())
                .put("satisfiedShare", figures.satisfiedShare()).put("distribution", distribution);
    }

    private static String label(String by, String key, Catalog catalog) {
        if (key == null) {
            return null;
        }
        return switch (by) {
            case "site" -> catalog.sites().containsKey(key) ? catalog.sites().get(key).name() : key;
            case "service" -> catalog.services().containsKey(key) ? catalog.services().get(key).name() : key;
            case "counter" -> catalog.counterName(key) == null ? key : catalog.counterName(key);
            default -> key;
        };
    }

    private static double round(double share) {
        return Math.round(share * 10000) / 10000.0;
    }
}
