package org.guichet.server.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.guichet.server.domain.Partner;
import org.guichet.server.service.Services;

import java.util.List;

/** The orientation directory: agents search it; administrators of the network keep it. */
public final class DirectoryRoutes {

    private final Services services;

    public DirectoryRoutes(Services services) {
        this.services = services;
    }

    public void mount(Router api) {
        api.get("/directory").handler(this::search);
        api.get("/admin/directory").handler(this::all);
        api.put("/admin/directory/:partnerId").handler(this::save);
    }

    private void search(RoutingContext ctx) {
        String query = ctx.queryParams().get("q");
        Reply.json(ctx, services.directory().search(Reply.principal(ctx), query == null || query.isBlank() ? null
                : query.strip()).map(DirectoryRoutes::partners));
    }

    private void all(RoutingContext ctx) {
        Reply.json(ctx, services.directory().all(Reply.principal(ctx)).map(DirectoryRoutes::partners));
    }

    /** Body {name, kind, address, hours, phone, web, keywords[], active}: creates (201) or replaces (200) the entry. */
    private void save(RoutingContext ctx) {
        services.directory().save(Reply.principal(ctx), Reply.address(ctx), ctx.pathParam("partnerId"), Json.body(ctx))
                .onSuccess(saved -> Reply.json(ctx, saved.created() ? 201 : 200,
                        Future.succeededFuture(saved.partner().toJson())))
                .onFailure(ctx::fail);
    }

    private static JsonObject partners(List<Partner> partners) {
        JsonArray list = new JsonArray();
        partners.forEach(partner -> list.add(partner.toJson()));
        return new JsonObject().put("partners", list);
    }
}
