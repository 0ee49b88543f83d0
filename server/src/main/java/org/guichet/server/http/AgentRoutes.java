package org.guichet.server.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.guichet.server.service.Services;
import org.guichet.server.view.StatsView;

/** What the logged-in agent did today, for the counter tablet's "my day" panel. */
public final class AgentRoutes {

    private final Services services;

    public AgentRoutes(Services services) {
        this.services = services;
    }

    public void mount(Router api) {
        api.get("/agents/me/today").handler(this::today);
    }

    /** ?siteId= may be left out by an agent of a single site. */
    private void today(RoutingContext ctx) {
        Reply.json(ctx, services.agentDays().today(Reply.principal(ctx), ctx.queryParams().get("siteId"))
                .map(StatsView::agentDay));
    }
}
