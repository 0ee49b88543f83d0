package org.guichet.server.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.guichet.server.domain.PriorityClass;
import org.guichet.server.service.Services;
import org.guichet.server.view.SiteView;
import org.guichet.server.view.TicketView;

/** A site's public page for taking a ticket on one's own phone: its menu, and the ticket. No account. */
public final class PhoneRoutes {

    private final Services services;

    public PhoneRoutes(Services services) {
        this.services = services;
    }

    public void mountPublic(Router api) {
        api.get("/public/sites/:siteId/menu").handler(this::menu);
        api.post("/public/sites/:siteId/tickets").handler(this::take);
    }

    private void menu(RoutingContext ctx) {
        ctx.response().putHeader("Cache-Control", "no-cache");
        Reply.send(ctx, 200, SiteView.menu(services.phoneTickets().menu(ctx.pathParam("siteId"))));
    }

    /** Body {serviceId, phoneKey, priority?, language?}: 201 with the ticket as a kiosk gets it. */
    private void take(RoutingContext ctx) {
        JsonObject body = Json.body(ctx);
        Reply.json(ctx, 201, services.phoneTickets().take(ctx.pathParam("siteId"), Json.requiredString(body,
                        "serviceId"), PriorityClass.parse(Json.optionalString(body, "priority")), Json.language(body),
                Json.requiredString(body, "phoneKey"), Reply.address(ctx))
                .map(issued -> TicketView.issued(issued, services.catalogs().get())));
    }
}
