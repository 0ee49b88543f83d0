package org.guichet.server.view;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.CounterState;

/**
 * A counter as JSON, for each audience. Its agent, colleagues and supervisors see who holds it and why it is paused;
 * its counter-top screen, which visitors look at, sees only its name, whether it is open, and the ticket it calls.
 */
public final class CounterView {

    private CounterView() {
    }

    public static JsonObject forAgent(CounterState state, Catalog catalog) {
        Catalog.Counter counter = state.counter();
        JsonArray services = new JsonArray();
        counter.serviceIds().forEach(id -> {
            Catalog.Service service = catalog.services().get(id);
            services.add(new JsonObject().put("id", id).put("name", service == null ? id : service.name())
                    .put("prefix", service == null ? null : service.prefix()));
        });
        return common(state)
                .put("active", counter.active())
                .put("serviceIds", new JsonArray(counter.serviceIds()))
                .put("services", services)
                .put("agentId", state.agentId())
                .put("agentName", state.agentName())
                .put("pauseReason", state.pauseReason())
                .put("currentTicket", state.currentTicket().map(ticket -> TicketView.forAgent(ticket, catalog))
                        .orElse(null));
    }

    public static JsonObject forScreen(CounterState state, Catalog catalog) {
        return common(state).put("currentTicket", state.currentTicket()
                .map(ticket -> TicketView.forScreen(ticket, catalog)).orElse(null));
    }

    private static JsonObject common(CounterState state) {
        Catalog.Counter counter = state.counter();
        return new JsonObject()
                .put("id", counter.id())
                .put("name", counter.name())
                .put("siteId", counter.siteId())
                .put("roomId", counter.roomId())
                .put("status", state.status())
                .put("since", TicketView.text(state.since()));
    }
}
