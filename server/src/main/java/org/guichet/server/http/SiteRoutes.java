package org.guichet.server.http;

import io.vertx.core.json.JsonObject;
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
        Reply.send(ctx, 200, SiteView.sites(services.sites().sites(Reply.principal(ctx),
                "true".equals(ctx.queryParams().get("training")))));
    }

    private void get(RoutingContext ctx) {
        Reply.send(ctx, 200, SiteView.layout(services.sites().layout(Reply.principal(ctx), ctx.pathParam("siteId"))));
    }

    /**
     * The kiosk menu: a tree of services, sub-menus and orientation entries with their translations, and whether the
     * site issues. Its ETag changes with what the kiosk shows; asked with that ETag in If-None-Match, an unchanged
     * menu answers 304 with no body, so a kiosk can ask every few seconds for next to nothing.
     */
    private void menu(RoutingContext ctx) {
        JsonObject menu = SiteView.menu(services.sites().menu(Reply.principal(ctx), ctx.pathParam("siteId")));
        String etag = SiteView.menuTag(menu);
        ctx.response().putHeader("ETag", etag).putHeader("Cache-Control", "no-cache");
        if (matches(ctx.request().getHeader("If-None-Match"), etag)) {
            ctx.response().setStatusCode(304).end();
            return;
        }
        Reply.send(ctx, 200, menu);
    }

    /** Whether an If-None-Match header names this ETag (or is "*"). */
    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String trimmed = tag.trim();
            if (trimmed.equals("*") || trimmed.equals(etag) || trimmed.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
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
