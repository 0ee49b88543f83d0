package org.guichet.server.http;

import org.guichet.server.domain.Failure;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.Role;
import org.guichet.server.queue.CounterService;
import org.guichet.server.queue.QueueService;
import org.guichet.server.domain.Catalog;
import org.guichet.server.store.CatalogStore;

import java.time.Clock;
import java.time.Duration;

/** A counter's state, its waiting list, and the agent's counter actions. */
public final class CounterRoutes {

    private final CounterService counters;
    private final QueueService queue;
    private final CatalogStore catalogs;
    private final Clock clock;

    public CounterRoutes(CounterService counters, QueueService queue, CatalogStore catalogs, Clock clock) {
        this.counters = counters;
        this.queue = queue;
        this.catalogs = catalogs;
        this.clock = clock;
    }

    public void mount(Router api) {
        api.get("/counters/:counterId").handler(this::get);
        api.get("/counters/:counterId/waiting").handler(this::waiting);
        api.post("/counters/:counterId/open").handler(this::open);
        api.post("/counters/:counterId/close").handler(this::close);
        api.post("/counters/:counterId/pause").handler(this::pause);
        api.post("/counters/:counterId/resume").handler(this::resume);
        api.post("/counters/:counterId/call-next").handler(this::callNext);
    }

    private void get(RoutingContext ctx) {
        String counterId = ctx.pathParam("counterId");
        requireReader(Reply.principal(ctx), catalogs.get().counter(counterId));
        Reply.json(ctx, counters.state(counterId));
    }

    private void waiting(RoutingContext ctx) {
        String counterId = ctx.pathParam("counterId");
        Catalog catalog = catalogs.get();
        Reply.principal(ctx).requireAgent(Role.AGENT, catalog.counter(counterId).siteId());
        Reply.json(ctx, queue.waitingFor(counterId).map(tickets -> {
            JsonArray list = new JsonArray();
            tickets.forEach(ticket -> {
                Catalog.Service service = catalog.service(ticket.serviceId());
                long waitedSeconds = Duration.between(ticket.arrivalAt(), clock.instant()).toSeconds();
                list.add(ticket.toJson(service.name(), null, false)
                        .put("waitedSeconds", waitedSeconds)
                        .put("targetWaitMinutes", service.targetWaitMinutes())
                        .put("overTarget", waitedSeconds > service.targetWaitMinutes() * 60L));
            });
            return list;
        }));
    }

    private void open(RoutingContext ctx) {
        Reply.json(ctx, counters.open(ctx.pathParam("counterId"), Reply.principal(ctx)));
    }

    private void close(RoutingContext ctx) {
        Reply.json(ctx, counters.close(ctx.pathParam("counterId"), Reply.principal(ctx)));
    }

    private void pause(RoutingContext ctx) {
        String reason = Json.optionalString(Json.body(ctx), "reason", 100);
        Reply.json(ctx, counters.pause(ctx.pathParam("counterId"), reason, Reply.principal(ctx)));
    }

    private void resume(RoutingContext ctx) {
        Reply.json(ctx, counters.resume(ctx.pathParam("counterId"), Reply.principal(ctx)));
    }

    /** 200 with the called ticket, or 204 when nobody is waiting for this counter. */
    private void callNext(RoutingContext ctx) {
        Catalog catalog = catalogs.get();
        Reply.json(ctx, queue.callNext(ctx.pathParam("counterId"), Reply.principal(ctx))
                .map(called -> called.map(ticket -> ticket.toJson(catalog.service(ticket.serviceId()).name(),
                        catalog.counterName(ticket.counterId()), false)).orElse(null)));
    }

    private static void requireReader(Principal principal, Catalog.Counter counter) {
        if (principal.isAgent()) {
            principal.requireAgent(Role.AGENT, counter.siteId());
        } else if (!principal.isDevice("counter_screen") || !counter.id().equals(principal.counterId())) {
            throw Failure.notAllowed("This device does not belong to " + counter.name() + ".");
        }
    }
}
