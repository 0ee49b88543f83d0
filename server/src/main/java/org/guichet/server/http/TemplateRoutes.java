package org.guichet.server.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.guichet.server.domain.Failure;
import org.guichet.server.service.Deployments;
import org.guichet.server.service.Services;
import org.guichet.server.view.DeploymentView;
import org.guichet.server.view.TemplateView;

import java.util.LinkedHashMap;

/** Site templates: list, save a site as one, change one, make a site from one, push one to its sites. */
public final class TemplateRoutes {

    private static final int MAX_NAME = 100;

    private final Services services;

    public TemplateRoutes(Services services) {
        this.services = services;
    }

    public void mount(Router api) {
        api.get("/admin/templates").handler(this::list);
        api.post("/admin/templates").handler(this::saveSite);
        api.get("/admin/templates/:templateId").handler(this::get);
        api.put("/admin/templates/:templateId").handler(this::update);
        api.post("/admin/templates/:templateId/sites").handler(this::createSite);
        api.post("/admin/templates/:templateId/push").handler(this::push);
    }

    private void list(RoutingContext ctx) {
        Reply.json(ctx, services.templates().list(Reply.principal(ctx)).map(TemplateView::list));
    }

    /** Body {id, name, fromSite}. */
    private void saveSite(RoutingContext ctx) {
        JsonObject body = Json.body(ctx);
        Reply.json(ctx, 201, services.templates().saveSite(Reply.principal(ctx), Reply.address(ctx),
                Json.requiredString(body, "id"), name(body), Json.requiredString(body, "fromSite"))
                .map(TemplateView::template));
    }

    private void get(RoutingContext ctx) {
        Reply.json(ctx, services.templates().get(Reply.principal(ctx), ctx.pathParam("templateId"))
                .map(TemplateView::template));
    }

    /** Body {name, body, version}: the version read, so that nobody overwrites another's change unknowingly. */
    private void update(RoutingContext ctx) {
        JsonObject body = Json.body(ctx);
        JsonObject templateBody = Json.requiredObject(body, "body");
        Reply.json(ctx, services.templates().update(Reply.principal(ctx), Reply.address(ctx),
                ctx.pathParam("templateId"), Json.requiredInt(body, "version"), name(body), templateBody)
                .map(TemplateView::template));
    }

    /** Body {id, name, address, timeZone}: the new site's own fields. */
    private void createSite(RoutingContext ctx) {
        JsonObject body = Json.body(ctx);
        name(body);
        Reply.json(ctx, 201, services.templates().createSite(Reply.principal(ctx), Reply.address(ctx),
                ctx.pathParam("templateId"), body).map(TemplateRoutes::applied));
    }

    private void push(RoutingContext ctx) {
        boolean dryRun = "true".equals(ctx.request().getParam("dryRun"));
        Reply.json(ctx, services.templates().push(Reply.principal(ctx), Reply.address(ctx),
                ctx.pathParam("templateId"), dryRun).map(pushed -> applied(pushed.applied())
                .put("dryRun", dryRun).put("siteIds", new JsonArray(pushed.siteIds()))));
    }

    private static JsonObject applied(Deployments.Applied applied) {
        return new JsonObject().put("deviceTokens", new JsonObject(new LinkedHashMap<>(applied.deviceTokens())))
                .put("sites", DeploymentView.changes(applied.changes()));
    }

    private static String name(JsonObject body) {
        String name = Json.optionalString(body, "name", MAX_NAME);
        if (name == null || name.isBlank()) {
            throw Failure.invalid("Field 'name' is required.");
        }
        return name;
    }
}
