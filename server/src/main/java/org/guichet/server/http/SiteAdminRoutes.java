package org.guichet.server.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.guichet.server.service.Deployments;
import org.guichet.server.service.Services;
import org.guichet.server.view.DeploymentView;

import java.util.LinkedHashMap;

/** One site, or one of its rooms, services, counters or devices, read and changed on its own. */
public final class SiteAdminRoutes {

    private final Services services;

    public SiteAdminRoutes(Services services) {
        this.services = services;
    }

    public void mount(Router api) {
        api.get("/admin/sites/:siteId").handler(this::site);
        api.put("/admin/sites/:siteId").handler(this::putSite);
        api.put("/admin/sites/:siteId/:part/:code").handler(this::putEntity);
        api.put("/admin/sites/:siteId/rooms/:code/plan").handler(this::putRoomPlan);
    }

    private void site(RoutingContext ctx) {
        Reply.json(ctx, services.siteEditor().site(Reply.principal(ctx), ctx.pathParam("siteId")));
    }

    /** The site's block as the deployment declares it, with the revision read (not needed to create one). */
    private void putSite(RoutingContext ctx) {
        Reply.json(ctx, services.siteEditor().putSite(Reply.principal(ctx), Reply.address(ctx),
                ctx.pathParam("siteId"), Json.body(ctx)).map(SiteAdminRoutes::applied));
    }

    /** part: rooms, services, counters or devices; the body: the entity's fields and the site's revision read. */
    private void putEntity(RoutingContext ctx) {
        Reply.json(ctx, services.siteEditor().putEntity(Reply.principal(ctx), Reply.address(ctx),
                ctx.pathParam("siteId"), ctx.pathParam("part"), ctx.pathParam("code"), Json.body(ctx))
                .map(SiteAdminRoutes::applied));
    }

    /** The body is the image itself (PNG or JPEG). */
    private void putRoomPlan(RoutingContext ctx) {
        var image = ctx.body().buffer();
        Reply.json(ctx, services.roomPlans().put(Reply.principal(ctx), Reply.address(ctx), ctx.pathParam("siteId"),
                ctx.pathParam("code"), image == null ? new byte[0] : image.getBytes())
                .map(done -> new JsonObject().put("plan", true)));
    }

    private static JsonObject applied(Deployments.Applied applied) {
        return new JsonObject().put("deviceTokens", new JsonObject(new LinkedHashMap<>(applied.deviceTokens())))
                .put("sites", DeploymentView.changes(applied.changes()));
    }
}
