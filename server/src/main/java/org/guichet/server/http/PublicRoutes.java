package org.guichet.server.http;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.guichet.server.domain.AccessibilityStatement;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.Languages;
import org.guichet.server.domain.PasswordRules;
import org.guichet.server.domain.TicketStatus;
import org.guichet.server.domain.stats.StatsQueryParser;
import org.guichet.server.service.OccupancyStats;
import org.guichet.server.service.StatsService;
import org.guichet.server.service.Services;
import org.guichet.server.view.IndicatorsView;
import org.guichet.server.view.TicketView;

/**
 * What needs no account: health, the API description, the rules, a visitor's own ticket by its token, a room's plan
 * the accessibility statement and the privacy notice.
 */
public final class PublicRoutes {

    /** Seconds a published figure may be cached: the live waits are a minute old at most. */
    static final int INDICATORS_MAX_AGE = 60;

    /** The rules the web apps check before asking (each is defined once, on the server). */
    static final JsonObject RULES = new JsonObject()
            .put("languages", new JsonObject().put("visitor", new JsonArray(Languages.VISITOR))
                    .put("agent", new JsonArray(Languages.AGENT)).put("default", Languages.DEFAULT))
            .put("password", new JsonObject().put("minLength", PasswordRules.MIN_LENGTH)
                    .put("maxLength", PasswordRules.MAX_LENGTH))
            .put("stats", new JsonObject()
                    .put("maxDays", StatsQueryParser.MAX_DAYS)
                    .put("maxDaysByDay", StatsQueryParser.MAX_DAYS_BY_DAY)
                    .put("maxOccupancySiteDays", OccupancyStats.MAX_SITE_DAYS)
                    .put("maxOutcomeSiteDays", StatsService.MAX_OUTCOME_SITE_DAYS)
                    .put("defaultThresholdMinutes", StatsQueryParser.DEFAULT_THRESHOLD_MINUTES)
                    .put("thresholdMinutes", new JsonObject().put("min", 1)
                            .put("fineUpTo", StatsQueryParser.THRESHOLD_FINE_UP_TO)
                            .put("stepBeyond", StatsQueryParser.THRESHOLD_STEP_BEYOND)
                            .put("max", StatsQueryParser.THRESHOLD_MAX)));

    private final Services services;
    private final AccessibilityStatement accessibility;
    private final JsonObject privacyNotice;

    /** @param privacyNotice the privacy notice's configured facts, as {@code GET /public/privacy} answers them */
    public PublicRoutes(Services services, AccessibilityStatement accessibility, JsonObject privacyNotice) {
        this.services = services;
        this.accessibility = accessibility;
        this.privacyNotice = privacyNotice;
    }

    public void mount(Router root, Router api) {
        root.get("/health/live").handler(PublicRoutes::live);
        root.get("/health/ready").handler(this::ready);
        // What load balancers and monitors checked before the split: the same answer as ready.
        root.get("/health").handler(this::ready);
        api.get("/openapi.json").handler(this::openApi);
        api.get("/rules").handler(this::rules);
        api.get("/public/tickets/:statusToken").handler(this::ticketStatus);
        api.get("/public/indicators").handler(this::networkIndicators);
        api.get("/public/indicators/opendata").handler(this::openData);
        api.get("/public/indicators/:siteId").handler(this::siteIndicators);
        api.get("/public/rooms/:roomId/plan").handler(this::roomPlan);
        api.get("/public/accessibility").handler(this::accessibilityStatement);
        api.get("/public/privacy").handler(ctx -> Reply.send(ctx, 200, privacyNotice.copy()));
    }

    private void accessibilityStatement(RoutingContext ctx) {
        Reply.send(ctx, 200, accessibility.toJson());
    }

    /** A waiting room's plan, for visitors finding their way; its type was checked when it was sent. */
    private void roomPlan(RoutingContext ctx) {
        services.roomPlans().get(ctx.pathParam("roomId"))
                .onSuccess(plan -> ctx.response().putHeader("Content-Type", plan.mediaType())
                        .putHeader("Cache-Control", "no-cache").putHeader("X-Content-Type-Options", "nosniff")
                        .end(Buffer.buffer(plan.bytes())))
                .onFailure(ctx::fail);
    }

    /** The process answers; nothing else is checked, so that a database outage never gets a node restarted. */
    private static void live(RoutingContext ctx) {
        ctx.response().putHeader("Cache-Control", "no-store");
        Reply.send(ctx, 200, new JsonObject().put("status", "UP"));
    }

    /** Started and the database answers in time: 200 UP, else 503 DOWN; nothing more for an anonymous caller. */
    private void ready(RoutingContext ctx) {
        services.health().ready().onComplete(ready -> {
            boolean up = ready.succeeded() && ready.result();
            ctx.response().putHeader("Cache-Control", "no-store");
            Reply.send(ctx, up ? 200 : 503, new JsonObject().put("status", up ? "UP" : "DOWN"));
        });
    }

    private void openApi(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
                .sendFile("openapi.json").onFailure(ctx::fail);
    }

    private void rules(RoutingContext ctx) {
        Reply.send(ctx, 200, RULES);
    }

    /** A site's published indicators: anyone may read them, a minute old at most. */
    private void siteIndicators(RoutingContext ctx) {
        ctx.response().putHeader("Cache-Control", "public, max-age=" + INDICATORS_MAX_AGE);
        Reply.json(ctx, services.indicators().site(ctx.pathParam("siteId")).map(indicators ->
                IndicatorsView.site(indicators, services.catalogs().get(), services.clock().instant())));
    }

    private void networkIndicators(RoutingContext ctx) {
        ctx.response().putHeader("Cache-Control", "public, max-age=" + INDICATORS_MAX_AGE);
        Reply.json(ctx, services.indicators().network(ctx.queryParams().get("month"))
                .map(indicators -> IndicatorsView.network(indicators, services.clock().instant())));
    }

    /** The month's indicators of every site as open data: format=csv (default) or json, month=YYYY-MM. */
    private void openData(RoutingContext ctx) {
        String format = ctx.queryParams().get("format");
        boolean json = "json".equals(format);
        if (format != null && !json && !"csv".equals(format)) {
            throw Failure.invalid("format must be csv or json.");
        }
        services.indicators().network(ctx.queryParams().get("month")).onSuccess(indicators -> {
            String name = "guichet-indicateurs-" + indicators.month();
            ctx.response().putHeader("Cache-Control", "public, max-age=" + INDICATORS_MAX_AGE)
                    .putHeader("Content-Disposition", "attachment; filename=\"" + name + (json ? ".json" : ".csv") + "\"");
            if (json) {
                Reply.send(ctx, 200, IndicatorsView.network(indicators, services.clock().instant()));
            } else {
                ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
                        .end(IndicatorsView.openDataCsv(indicators));
            }
        }).onFailure(ctx::fail);
    }

    /** The visitor's ticket; once served, whether they have rated the visit ({@code rated}). */
    private void ticketStatus(RoutingContext ctx) {
        Reply.json(ctx, services.queries().visitorTicket(ctx.pathParam("statusToken")).compose(visitor -> {
            JsonObject json = TicketView.forVisitor(visitor, services.catalogs().get());
            return visitor.ticket().status() != TicketStatus.DONE ? Future.succeededFuture(json)
                    : services.satisfaction().answered(visitor.ticket().id()).map(rated -> json.put("rated", rated));
        }));
    }
}
