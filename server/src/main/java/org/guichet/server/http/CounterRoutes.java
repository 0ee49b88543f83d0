package org.guichet.server.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.guichet.server.domain.CounterState;
import org.guichet.server.domain.Principal;
import org.guichet.server.service.Services;
import org.guichet.server.view.CounterView;
import org.guichet.server.view.TicketView;

/** A counter's state, its waiting list, and the agent's counter actions. */
public final class CounterRoutes {

    private static final int MAX_PAUSE_REASON = 100;

    private final Services services;

    public CounterRoutes(Services services) {
        this.services = services;
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

    /** Its agent's tablet sees who holds it; its counter-top screen, which visitors see, does not. */
    private void get(RoutingContext ctx) {
        Principal principal = Reply.principal(ctx);
        Reply.json(ctx, services.counters().state(principal, ctx.pathParam("counterId"))
                .map(state -> principal.isAgent() ? CounterView.forAgent(state, services.catalogs().get())
                        : CounterView.forScreen(state, services.catalogs().get())));
    }

    private void waiting(RoutingContext ctx) {
        Reply.json(ctx, services.queries().waitingList(Reply.principal(ctx), ctx.pathParam("counterId"))
                .map(waiting -> {
                    JsonArray list = new JsonArray();
                    waiting.forEach(entry -> list.add(TicketView.waiting(entry, services.catalogs().get())));
                    return list;
                }));
    }

    private void open(RoutingContext ctx) {
        agent(ctx, services.counters().open(Reply.principal(ctx), ctx.pathParam("counterId")));
    }

    /** What the counter was calling back goes back to the others with it. */
    private void close(RoutingContext ctx) {
        String counterId = ctx.pathParam("counterId");
        agent(ctx, services.counters().close(Reply.principal(ctx), counterId)
                .compose(state -> services.callbacks().releaseAtCounter(counterId).map(state)));
    }

    private void pause(RoutingContext ctx) {
        String reason = Json.optionalString(Json.body(ctx), "reason", MAX_PAUSE_REASON);
        agent(ctx, services.counters().pause(Reply.principal(ctx), ctx.pathParam("counterId"), reason));
    }

    private void resume(RoutingContext ctx) {
        agent(ctx, services.counters().resume(Reply.principal(ctx), ctx.pathParam("counterId")));
    }

    /** 200 with the called ticket, or 204 when nobody is waiting for this counter. */
    private void callNext(RoutingContext ctx) {
        Reply.json(ctx, services.calling().callNext(Reply.principal(ctx), ctx.pathParam("counterId"))
                .map(called -> called.map(ticket -> TicketView.forAgent(ticket, services.catalogs().get()))
                        .orElse(null)));
    }

    private void agent(RoutingContext ctx, Future<CounterState> state) {
        Reply.json(ctx, state.map(counter -> CounterView.forAgent(counter, services.catalogs().get())));
    }
}
