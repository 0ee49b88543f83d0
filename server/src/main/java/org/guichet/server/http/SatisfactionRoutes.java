package org.guichet.server.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.SatisfactionAnswer;
import org.guichet.server.service.Services;
import org.guichet.server.view.SatisfactionView;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Visitors' satisfaction: from the counter-top screen, from the visitor's page, and its figures. */
public final class SatisfactionRoutes {

    private final Services services;

    public SatisfactionRoutes(Services services) {
        this.services = services;
    }

    /** No account: the ticket's link is the visitor's right to rate their visit. */
    public void mountPublic(Router api) {
        api.post("/public/tickets/:statusToken/satisfaction").handler(this::fromVisitorPage);
    }

    public void mount(Router api) {
        api.post("/satisfaction").handler(this::fromCounterScreen);
        api.get("/stats/satisfaction").handler(this::figures);
    }

    /** Body {ticketId, score}, from a counter-top screen's token. */
    private void fromCounterScreen(RoutingContext ctx) {
        JsonObject body = Json.body(ctx);
        long ticketId = number(body, "ticketId");
        Reply.json(ctx, 201, services.satisfaction().fromCounterScreen(Reply.principal(ctx), ticketId,
                score(body)).map(done -> new JsonObject().put("rated", true)));
    }

    /** Body {score, comment?}: no account, the ticket's link is the right to rate it. */
    private void fromVisitorPage(RoutingContext ctx) {
        JsonObject body = Json.body(ctx);
        String comment = Json.optionalString(body, "comment", SatisfactionAnswer.MAX_COMMENT);
        Reply.json(ctx, 201, services.satisfaction().fromVisitorPage(ctx.pathParam("statusToken"), score(body),
                comment).map(done -> new JsonObject().put("rated", true)));
    }

    private void figures(RoutingContext ctx) {
        Map<String, List<String>> params = new HashMap<>();
        ctx.queryParams().names().forEach(name -> params.put(name, ctx.queryParams().getAll(name)));
        Reply.json(ctx, services.satisfaction().figures(Reply.principal(ctx), params)
                .map(report -> SatisfactionView.report(report, services.catalogs().get())));
    }

    private static int score(JsonObject body) {
        long score = number(body, "score");
        if (score < 1 || score > 5) {
            throw Failure.invalid("score must be a whole number from 1 to 5.");
        }
        return (int) score;
    }

    private static long number(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (!(value instanceof Integer) && !(value instanceof Long)) {
            throw Failure.invalid(field + " must be a whole number.");
        }
        return ((Number) value).longValue();
    }
}
