package org.guichet.server.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.Partner;
import org.guichet.server.domain.PriorityClass;
import org.guichet.server.domain.Ticket;
import org.guichet.server.service.IssueRequest;
import org.guichet.server.service.Services;
import org.guichet.server.service.TicketTransitions;
import org.guichet.server.view.TicketView;

/** Tickets: issue, read, and every lifecycle action. */
public final class TicketRoutes {

    static final int MAX_IDEMPOTENCY_KEY = 100;
    private static final int MAX_OUTCOME = 64;
    private static final int MAX_CODE = 64;
    private static final int MAX_NOTE = 500;

    private final Services services;

    public TicketRoutes(Services services) {
        this.services = services;
    }

    public void mount(Router api) {
        api.post("/tickets").handler(this::issue);
        api.get("/tickets/:ticketId").handler(this::get);
        api.get("/tickets/:ticketId/events").handler(this::events);
        api.post("/tickets/:ticketId/call").handler(this::call);
        api.post("/tickets/:ticketId/recall").handler(this::recall);
        api.post("/tickets/:ticketId/start").handler(this::start);
        api.post("/tickets/:ticketId/finish").handler(this::finish);
        api.post("/tickets/:ticketId/no-show").handler(this::noShow);
        api.post("/tickets/:ticketId/requeue").handler(this::requeue);
        api.post("/tickets/:ticketId/transfer").handler(this::transfer);
        api.post("/tickets/:ticketId/cancel").handler(this::cancel);
    }

    /** 201 with the new ticket, or 200 with the one a retried idempotency key already has. */
    private void issue(RoutingContext ctx) {
        JsonObject body = Json.body(ctx);
        String idempotencyKey = Json.optionalString(body, "idempotencyKey", MAX_IDEMPOTENCY_KEY);
        if (idempotencyKey == null) {
            idempotencyKey = optionalHeader(ctx, "Idempotency-Key", MAX_IDEMPOTENCY_KEY);
        }
        IssueRequest request = new IssueRequest(Json.optionalString(body, "siteId"),
                Json.requiredString(body, "serviceId"), PriorityClass.parse(Json.optionalString(body, "priority")),
                Json.language(body), idempotencyKey);
        services.issuer().issue(Reply.principal(ctx), request)
                .onSuccess(issued -> Reply.send(ctx, issued.replayed() ? 200 : 201,
                        TicketView.issued(issued, services.catalogs().get())))
                .onFailure(ctx::fail);
    }

    private void get(RoutingContext ctx) {
        agent(ctx, services.queries().ticket(Reply.principal(ctx), Json.pathLong(ctx, "ticketId")));
    }

    private void events(RoutingContext ctx) {
        Reply.json(ctx, services.queries().history(Reply.principal(ctx), Json.pathLong(ctx, "ticketId"))
                .map(TicketView::history));
    }

    private void call(RoutingContext ctx) {
        String counterId = Json.requiredString(Json.body(ctx), "counterId");
        agent(ctx, services.calling().callTicket(Reply.principal(ctx), Json.pathLong(ctx, "ticketId"), counterId));
    }

    private void recall(RoutingContext ctx) {
        agent(ctx, services.transitions().recall(Reply.principal(ctx), Json.pathLong(ctx, "ticketId")));
    }

    private void start(RoutingContext ctx) {
        agent(ctx, services.transitions().start(Reply.principal(ctx), Json.pathLong(ctx, "ticketId")));
    }

    /** Body, each optional: {outcome (words), outcomeId (one of the service's outcomes), orientedTo (a partner)}. */
    private void finish(RoutingContext ctx) {
        JsonObject body = Json.body(ctx);
        String outcome = Json.optionalString(body, "outcome", MAX_OUTCOME);
        String outcomeId = Json.optionalString(body, "outcomeId", MAX_CODE);
        String orientedTo = Json.optionalString(body, "orientedTo", MAX_CODE);
        Future<Partner> partner = orientedTo == null ? Future.succeededFuture()
                : services.directory().activePartner(orientedTo);
        agent(ctx, partner.compose(oriented -> services.transitions().finish(Reply.principal(ctx),
                Json.pathLong(ctx, "ticketId"), new TicketTransitions.Closing(outcome, outcomeId, oriented))));
    }

    private void noShow(RoutingContext ctx) {
        agent(ctx, services.transitions().noShow(Reply.principal(ctx), Json.pathLong(ctx, "ticketId")));
    }

    private void requeue(RoutingContext ctx) {
        agent(ctx, services.transitions().requeue(Reply.principal(ctx), Json.pathLong(ctx, "ticketId")));
    }

    private void transfer(RoutingContext ctx) {
        JsonObject body = Json.body(ctx);
        agent(ctx, services.transitions().transfer(Reply.principal(ctx), Json.pathLong(ctx, "ticketId"),
                Json.optionalString(body, "serviceId"), Json.optionalString(body, "counterId"),
                Json.optionalString(body, "note", MAX_NOTE)));
    }

    private void cancel(RoutingContext ctx) {
        agent(ctx, services.transitions().cancel(Reply.principal(ctx), Json.pathLong(ctx, "ticketId")));
    }

    /** Refused when too long rather than cut: two keys cut to the same text would share one ticket. */
    private static String optionalHeader(RoutingContext ctx, String name, int maxLength) {
        String value = ctx.request().getHeader(name);
        if (value != null && value.length() > maxLength) {
            throw Failure.invalid("Header '" + name + "' is longer than " + maxLength + " characters.");
        }
        return value;
    }

    /** Every ticket route but issuing answers agents, who see the whole ticket. */
    private void agent(RoutingContext ctx, Future<Ticket> result) {
        Reply.json(ctx, result.map(ticket -> TicketView.forAgent(ticket, services.catalogs().get())));
    }
}
