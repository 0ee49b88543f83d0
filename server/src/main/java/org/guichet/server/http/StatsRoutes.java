package org.guichet.server.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.stats.StatsQuery;
import org.guichet.server.service.Services;
import org.guichet.server.view.AppointmentView;
import org.guichet.server.view.CallbackView;
import org.guichet.server.view.StaffingView;
import org.guichet.server.view.StatsCsv;
import org.guichet.server.view.StatsView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Service-time statistics and live supervision, for supervisors and admins of the sites concerned. Every statistics
 * route takes the same filters: from, to (local dates, inclusive), siteId (one or several), roomId, serviceId,
 * counterId, agentId, thresholdMinutes, source (auto|facts|rollup); breakdown takes by=site|room|service|counter|
 * agent|day|month. With format=csv they answer a spreadsheet file (sep=semicolon|comma, decimal=comma|point,
 * lang=fr|en).
 */
public final class StatsRoutes {

    private final Services services;

    public StatsRoutes(Services services) {
        this.services = services;
    }

    public void mount(Router api) {
        api.get("/stats/overview").handler(this::overview);
        api.get("/stats/breakdown").handler(this::breakdown);
        api.get("/stats/hours").handler(this::hours);
        api.get("/stats/occupancy").handler(this::occupancy);
        api.get("/stats/live").handler(this::live);
        api.get("/stats/staffing").handler(this::staffing);
        api.get("/stats/outcomes").handler(this::outcomes);
        api.get("/stats/callbacks").handler(this::callbacks);
        api.get("/stats/sms-reminders").handler(this::smsReminders);
        api.get("/stats/appointments").handler(this::appointments);
        api.post("/stats/rollups/rebuild").handler(this::rebuildRollups);
    }

    private void overview(RoutingContext ctx) {
        Reply.json(ctx, services.stats().overview(query(ctx)).map(StatsView::overview));
    }

    private void breakdown(RoutingContext ctx) {
        StatsQuery query = query(ctx);
        jsonOrCsv(ctx, "guichet-" + query.by().apiName() + "-" + query.from() + "-" + query.to(),
                () -> services.stats().breakdown(query).map(StatsView::breakdown),
                (json, options) -> StatsCsv.write(StatsCsv.metricColumns(query.thresholdMinutes()), rows(json, "rows"),
                        options));
    }

    private void hours(RoutingContext ctx) {
        StatsQuery query = query(ctx);
        jsonOrCsv(ctx, "guichet-hours-" + query.from() + "-" + query.to(),
                () -> services.stats().hours(query).map(StatsView::hours),
                (json, options) -> StatsCsv.write(StatsCsv.hourColumns(), StatsCsv.hourRows(json, options), options));
    }

    private void occupancy(RoutingContext ctx) {
        StatsQuery query = query(ctx);
        jsonOrCsv(ctx, "guichet-occupancy-" + query.from() + "-" + query.to(),
                () -> services.stats().occupancy(query).map(StatsView::occupancy),
                (json, options) -> StatsCsv.write(StatsCsv.occupancyColumns(), rows(json, "counters"), options));
    }

    private void live(RoutingContext ctx) {
        Reply.json(ctx, services.stats().live(Reply.principal(ctx), ctx.queryParams().get("siteId"), params(ctx))
                .map(live -> StatsView.live(live, services.catalogs().get())));
    }

    private void staffing(RoutingContext ctx) {
        Reply.json(ctx, services.staffing().advise(Reply.principal(ctx), params(ctx))
                .map(advice -> StaffingView.advice(advice, services.catalogs().get())));
    }

    private void outcomes(RoutingContext ctx) {
        StatsQuery query = query(ctx);
        Reply.json(ctx, services.stats().outcomes(query).compose(counts -> services.directory().names()
                .map(partners -> StatsView.outcomes(query, counts, services.catalogs().get(), partners))));
    }

    /** Call-back delays against each service's call-back target, and how the requests ended. */
    private void callbacks(RoutingContext ctx) {
        StatsQuery query = query(ctx);
        Reply.json(ctx, services.callbacks().figures(query)
                .map(figures -> CallbackView.figures(figures, services.catalogs().get())
                        .put("from", query.from().toString()).put("to", query.to().toString())));
    }

    /** Appointments per service: booked, cancelled, missed, checked in, called against the booked time, share. */
    private void appointments(RoutingContext ctx) {
        StatsQuery query = query(ctx);
        Reply.json(ctx, services.appointments().figures(query)
                .map(figures -> AppointmentView.figures(figures, services.catalogs().get())
                        .put("from", query.from().toString()).put("to", query.to().toString())));
    }

    /** Whether SMS reminders are on, what this node sent, failed and retried, and the reminders' statuses. */
    private void smsReminders(RoutingContext ctx) {
        Reply.json(ctx, services.reminders().report(Reply.principal(ctx)));
    }

    private void rebuildRollups(RoutingContext ctx) {
        Reply.json(ctx, services.stats().rebuildRollups(Reply.principal(ctx))
                .map(count -> new JsonObject().put("rebuilt", count)));
    }

    /** Answers JSON, or CSV when asked; a bad format, language or separator is refused before anything is read. */
    private static void jsonOrCsv(RoutingContext ctx, String fileName, Supplier<Future<JsonObject>> report,
                                  BiFunction<JsonObject, StatsCsv.Options, String> toCsv) {
        if (wantsCsv(ctx)) {
            StatsCsv.Options options = csvOptions(ctx);
            csv(ctx, fileName, report.get().map(json -> toCsv.apply(json, options)));
        } else {
            Reply.json(ctx, report.get());
        }
    }

    private StatsQuery query(RoutingContext ctx) {
        return services.stats().query(Reply.principal(ctx), params(ctx));
    }

    private static Map<String, List<String>> params(RoutingContext ctx) {
        Map<String, List<String>> params = new HashMap<>();
        ctx.queryParams().names().forEach(name -> params.put(name, ctx.queryParams().getAll(name)));
        return params;
    }

    private static boolean wantsCsv(RoutingContext ctx) {
        String format = ctx.queryParams().get("format");
        if (format == null || format.equalsIgnoreCase("json")) {
            return false;
        }
        if (format.equalsIgnoreCase("csv")) {
            return true;
        }
        throw Failure.invalid("format must be json or csv.");
    }

    private static StatsCsv.Options csvOptions(RoutingContext ctx) {
        String lang = ctx.queryParams().get("lang");
        String language = lang == null ? "fr" : lang.toLowerCase(Locale.ROOT);
        if (!language.equals("fr") && !language.equals("en")) {
            throw Failure.invalid("lang must be fr or en.");
        }
        String sep = ctx.queryParams().get("sep");
        char separator = switch (sep == null ? (language.equals("fr") ? "semicolon" : "comma")
                : sep.toLowerCase(Locale.ROOT)) {
            case "semicolon", ";" -> ';';
            case "comma", "," -> ',';
            default -> throw Failure.invalid("sep must be semicolon or comma.");
        };
        String decimal = ctx.queryParams().get("decimal");
        boolean decimalComma = switch (decimal == null ? (separator == ';' ? "comma" : "point")
                : decimal.toLowerCase(Locale.ROOT)) {
            case "comma", "," -> true;
            case "point", "." -> false;
            default -> throw Failure.invalid("decimal must be comma or point.");
        };
        if (decimalComma && separator == ',') {
            throw Failure.invalid("A decimal comma needs the semicolon separator.");
        }
        return new StatsCsv.Options(separator, decimalComma, language);
    }

    private static List<JsonObject> rows(JsonObject json, String field) {
        List<JsonObject> rows = new ArrayList<>();
        JsonArray array = json.getJsonArray(field);
        for (int i = 0; i < array.size(); i++) {
            rows.add(array.getJsonObject(i));
        }
        return rows;
    }

    private static void csv(RoutingContext ctx, String name, Future<String> body) {
        body.onSuccess(text -> ctx.response()
                        .putHeader("Content-Type", "text/csv; charset=utf-8")
                        .putHeader("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                        .end(text))
                .onFailure(ctx::fail);
    }
}
