package org.guichet.server.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.Role;
import org.guichet.server.service.Accounts;
import org.guichet.server.service.Services;
import org.guichet.server.view.AccountView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** Administration: the deployment, agent accounts, device tokens. */
public final class AdminRoutes {

    private static final int MAX_DISPLAY_NAME = 100;

    private final Services services;

    public AdminRoutes(Services services) {
        this.services = services;
    }

    public void mount(Router api) {
        api.put("/admin/deployment").handler(this::applyDeployment);
        api.get("/admin/agents").handler(this::listAgents);
        api.post("/admin/agents").handler(this::createAgent);
        api.post("/admin/agents/:agentId/password").handler(this::resetPassword);
        api.get("/admin/devices").handler(this::listDevices);
        api.post("/admin/devices/:deviceId/token").handler(this::issueDeviceToken);
        api.post("/admin/devices/:deviceId/revoke").handler(this::revokeDevice);
    }

    /** Same shape as the "deployment" block of the configuration file; answers the tokens of new devices, once. */
    private void applyDeployment(RoutingContext ctx) {
        Reply.json(ctx, services.deployments().apply(Reply.principal(ctx), Json.body(ctx))
                .map(tokens -> new JsonObject().put("applied", true)
                        .put("deviceTokens", new JsonObject(new LinkedHashMap<>(tokens)))));
    }

    private void listAgents(RoutingContext ctx) {
        Reply.json(ctx, services.accounts().agents(Reply.principal(ctx)).map(AccountView::agents));
    }

    private void createAgent(RoutingContext ctx) {
        JsonObject body = Json.body(ctx);
        Role role = Role.parse(Json.requiredString(body, "role"));
        List<String> siteIds = new ArrayList<>();
        JsonArray sites = Json.optionalArray(body, "siteIds");
        if (sites != null) {
            sites.forEach(site -> {
                if (!(site instanceof String id)) {
                    throw Failure.invalid("siteIds must be strings.");
                }
                siteIds.add(id);
            });
        }
        String username = Json.requiredString(body, "username");
        String displayName = Json.optionalString(body, "displayName", MAX_DISPLAY_NAME);
        Accounts.NewAccount account = new Accounts.NewAccount(username, displayName == null ? username : displayName,
                Json.requiredString(body, "password"), role, siteIds);
        Reply.json(ctx, 201, services.accounts().create(Reply.principal(ctx), account).map(AccountView::agent));
    }

    private void resetPassword(RoutingContext ctx) {
        long agentId = Json.pathLong(ctx, "agentId");
        String password = Json.requiredString(Json.body(ctx), "password");
        Reply.json(ctx, services.accounts().resetPassword(Reply.principal(ctx), agentId, password));
    }

    private void listDevices(RoutingContext ctx) {
        Reply.json(ctx, services.devices().list(Reply.principal(ctx)).map(AccountView::devices));
    }

    private void issueDeviceToken(RoutingContext ctx) {
        String deviceId = ctx.pathParam("deviceId");
        Reply.json(ctx, services.devices().issueToken(Reply.principal(ctx), deviceId)
                .map(token -> new JsonObject().put("deviceId", deviceId).put("token", token)));
    }

    private void revokeDevice(RoutingContext ctx) {
        Reply.json(ctx, services.devices().revoke(Reply.principal(ctx), ctx.pathParam("deviceId")));
    }
}
