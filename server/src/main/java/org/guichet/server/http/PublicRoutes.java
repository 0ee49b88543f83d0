package org.guichet.server.http;

import org.guichet.server.domain.Failure;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import org.guichet.server.domain.Languages;
import org.guichet.server.domain.PasswordRules;
import org.guichet.server.queue.QueueService;
import org.guichet.server.stats.OccupancyStats;
import org.guichet.server.domain.stats.StatsQueryParser;
import org.guichet.server.domain.Catalog;
import org.guichet.server.store.CatalogStore;

/** What needs no account: health, the API description, and a visitor's own ticket by its unguessable token. */
public final class PublicRoutes {

    private final QueueService queue;
    private final CatalogStore catalogs;
    private final Pool pool;

    public PublicRoutes(QueueService queue, CatalogStore catalogs, Pool pool) {
        this.queue = queue;
        this.catalogs = catalogs;
        this.pool = pool;
    }

    public void mount(Router root, Router api) {
        root.get("/health").handler(this::health);
        api.get("/openapi.json").handler(this::openApi);
        api.get("/rules").handler(this::rules);
        api.get("/public/tickets/:statusToken").handler(this::ticketStatus);
    }

    private void health(RoutingContext ctx) {
        pool.query("SELECT 1").execute()
                .onSuccess(ok -> Reply.send(ctx, 200, new JsonObject().put("status", "UP").put("database", "UP")))
                .onFailure(failure -> Reply.send(ctx, 503, new JsonObject().put("status", "DOWN")
                        .put("database", "DOWN").put("message", failure.getMessage())));
    }

    private void openApi(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
                .sendFile("openapi.json").onFailure(ctx::fail);
    }

    /** The rules the web apps check before asking (each is defined once, on the server). */
    private void rules(RoutingContext ctx) {
        Reply.send(ctx, 200, RULES);
    }

    private static final JsonObject RULES = new JsonObject()
            .put("languages", new JsonObject().put("visitor", new JsonArray(Languages.VISITOR))
                    .put("agent", new JsonArray(Languages.AGENT)).put("default", Languages.DEFAULT))
            .put("password", new JsonObject().put("minLength", PasswordRules.MIN_LENGTH)
                    .put("maxLength", PasswordRules.MAX_LENGTH))
            .put("stats", new JsonObject()
                    .put("maxDays", StatsQueryParser.MAX_DAYS)
                    .put("maxDaysByDay", StatsQueryParser.MAX_DAYS_BY_DAY)
                    .put("maxOccupancySiteDays", OccupancyStats.MAX_SITE_DAYS)
                    .put("defaultThresholdMinutes", StatsQueryParser.DEFAULT_THRESHOLD_MINUTES)
                    .put("thresholdMinutes", new JsonObject().put("min", 1)
                            .put("fineUpTo", StatsQueryParser.THRESHOLD_FINE_UP_TO)
                            .put("stepBeyond", StatsQueryParser.THRESHOLD_STEP_BEYOND)
                            .put("max", StatsQueryParser.THRESHOLD_MAX)));

    private void ticketStatus(RoutingContext ctx) {
        String token = ctx.pathParam("statusToken");
        if (!token.matches("[A-Za-z0-9_-]{16,64}")) {
            throw Failure.notFound("No such ticket.");
        }
        Reply.json(ctx, queue.byStatusToken(token).compose(found -> {
            if (found.isEmpty()) {
                return Future.failedFuture(Failure.notFound("No such ticket."));
            }
            var ticket = found.get();
            Catalog catalog = catalogs.get();
            return queue.peopleAhead(ticket).map(ahead -> new JsonObject()
                    .put("number", ticket.number())
                    .put("status", ticket.status().name())
                    .put("serviceName", catalog.service(ticket.serviceId()).name(ticket.language()))
                    .put("siteName", catalog.site(ticket.siteId()).name())
                    .put("language", ticket.language())
                    .put("peopleAhead", ahead)
                    .put("counterName", catalog.counterName(ticket.counterId()))
                    .put("issuedAt", ticket.issuedAt().toString())
                    .put("calledAt", ticket.calledAt() == null ? null : ticket.calledAt().toString()));
        }));
    }
}
