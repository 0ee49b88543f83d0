package org.guichet.server.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.guichet.server.service.Services;
import org.guichet.server.view.QueueView;
import org.guichet.server.view.SiteView;

/** Sites, their kiosk menu, their queue, and what a waiting room's screens show. */
public final class SiteRoutes {

    private final Services services;

    public SiteRoutes(Services services) {
        this.services = services;
    }

    public void mount(Router api) {
        api.get("/sites").handler(this::list);
        api.get("/sites/:siteId").handler(this::get);
        api.get("/sites/:siteId/menu").handler(this::menu);
        api.get("/sites/:siteId/queue").handler(this::queue);
        api.get("/rooms/:roomId/display").handler(this::display);
    }

    private void list(RoutingContext ctx) {
        Reply.send(ctx, 200, SiteView.sites(services.sites().sites(Reply.principal(ctx))));
    }

    private void get(RoutingContext ctx) {
        Reply.send(ctx, 200, SiteView.layout(services.sites().layout(Reply.principal(ctx), ctx.pathParam("siteId"))));
    }

    /** The kiosk menu: a tree of services, sub-menus and orientation entries with their translations. */
    private void menu(RoutingContext ctx) {
        Reply.send(ctx, 200, SiteView.menu(services.sites().menu(Reply.principal(ctx), ctx.pathParam("siteId"))));
    }

    private void queue(RoutingContext ctx) {
        Reply.json(ctx, services.sites().queue(Reply.principal(ctx), ctx.pathParam("siteId")).map(QueueView::site));
    }

    /** What a waiting-room screen needs after (re)connecting: the last calls and the waiting counts. */
    private void display(RoutingContext ctx) {
        Reply.json(ctx, services.queries().roomDisplay(Reply.principal(ctx), ctx.pathParam("roomId"))
                .map(display -> SiteView.roomDisplay(display, services.catalogs().get())));
    }
}
