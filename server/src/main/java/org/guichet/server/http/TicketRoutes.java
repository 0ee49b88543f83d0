package org.guichet.server.http;

import org.guichet.server.domain.Failure;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.Role;
import org.guichet.server.domain.PriorityClass;
import org.guichet.server.queue.QueueService;
import org.guichet.server.domain.Ticket;
import org.guichet.server.domain.Catalog;
import org.guichet.server.store.CatalogStore;

/** Tickets: issue, read, and every lifecycle action. */
public final class TicketRoutes {

    private final QueueService queue;
    private final CatalogStore catalogs;

    public TicketRoutes(QueueService queue, CatalogStore catalogs) {
        this.queue = queue;
        this.catalogs = catalogs;
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

    private void issue(RoutingContext ctx) {
        Principal principal = Reply.principal(ctx);
        JsonObject body = Json.body(ctx);
        String serviceId = Json.requiredString(body, "serviceId");
        String idempotencyKey = Json.optionalString(body, "idempotencyKey", 100);
        String headerKey = ctx.request().getHeader("Idempotency-Key");
        if (idempotencyKey == null && headerKey != null) {
            idempotencyKey = headerKey.length() > 100 ? headerKey.substring(0, 100) : headerKey;
        }
        Catalog.Service service = catalogs.get().service(serviceId);
        if (principal.isAgent()) {
            principal.requireAgent(Role.AGENT, service.siteId());
        } else if (!principal.isDevice("kiosk")) {
            throw Failure.notAllowed("Only kiosks and agents issue tickets.");
        } else {
            principal.requireSite(service.siteId());
        }
        var request = new QueueService.IssueRequest(Json.optionalString(body, "siteId"), serviceId,
                PriorityClass.parse(Json.optionalString(body, "priority")), Json.language(body), idempotencyKey,
                principal.deviceId());
        queue.issue(request).onSuccess(issued -> {
            JsonObject json = ticketJson(issued.ticket(), true)
                    .put("peopleAhead", issued.peopleAhead())
                    .put("estimatedWaitMinutes", issued.estimatedWaitMinutes())
                    .put("statusPath", "/ticket/" + issued.ticket().statusToken());
            Reply.send(ctx, issued.replayed() ? 200 : 201, json);
        }).onFailure(ctx::fail);
    }

    private void get(RoutingContext ctx) {
        Principal principal = Reply.principal(ctx);
        Reply.json(ctx, queue.load(Json.pathLong(ctx, "ticketId")).map(ticket -> {
            requireReader(principal, ticket);
            return ticketJson(ticket, false);
        }));
    }

    private void events(RoutingContext ctx) {
        Principal principal = Reply.principal(ctx);
        long id = Json.pathLong(ctx, "ticketId");
        Reply.json(ctx, queue.load(id).compose(ticket -> {
            requireReader(principal, ticket);
            return queue.history(id);
        }));
    }

    private void call(RoutingContext ctx) {
        JsonObject body = Json.body(ctx);
        String counterId = Json.requiredString(body, "counterId");
        answer(ctx, queue.callTicket(Json.pathLong(ctx, "ticketId"), counterId, Reply.principal(ctx)));
    }

    private void recall(RoutingContext ctx) {
        answer(ctx, queue.recall(Json.pathLong(ctx, "ticketId"), Reply.principal(ctx)));
    }

    private void start(RoutingContext ctx) {
        answer(ctx, queue.start(Json.pathLong(ctx, "ticketId"), Reply.principal(ctx)));
    }

    private void finish(RoutingContext ctx) {
        String outcome = Json.optionalString(Json.body(ctx), "outcome", 64);
        answer(ctx, queue.finish(Json.pathLong(ctx, "ticketId"), outcome, Reply.principal(ctx)));
    }

    private void noShow(RoutingContext ctx) {
        answer(ctx, queue.noShow(Json.pathLong(ctx, "ticketId"), Reply.principal(ctx)));
    }

    private void requeue(RoutingContext ctx) {
        answer(ctx, queue.requeue(Json.pathLong(ctx, "ticketId"), Reply.principal(ctx)));
    }

    private void transfer(RoutingContext ctx) {
        JsonObject body = Json.body(ctx);
        answer(ctx, queue.transfer(Json.pathLong(ctx, "ticketId"), Json.optionalString(body, "serviceId"),
                Json.optionalString(body, "counterId"), Json.optionalString(body, "note", 500),
                Reply.principal(ctx)));
    }

    private void cancel(RoutingContext ctx) {
        answer(ctx, queue.cancel(Json.pathLong(ctx, "ticketId"), Reply.principal(ctx)));
    }

    private void answer(RoutingContext ctx, Future<Ticket> result) {
        Reply.json(ctx, result.map(ticket -> ticketJson(ticket, false)));
    }

    private static void requireReader(Principal principal, Ticket ticket) {
        if (principal.isAgent()) {
            principal.requireAgent(Role.AGENT, ticket.siteId());
        } else {
            throw Failure.notAllowed("Devices can not read tickets by id.");
        }
    }

    JsonObject ticketJson(Ticket ticket, boolean withStatusToken) {
        Catalog catalog = catalogs.get();
        Catalog.Service service = catalog.services().get(ticket.serviceId());
        return ticket.toJson(service == null ? ticket.serviceId() : service.name(ticket.language()),
                catalog.counterName(ticket.counterId()), withStatusToken);
    }
}
