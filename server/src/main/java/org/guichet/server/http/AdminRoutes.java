package org.guichet.server.http;

import org.guichet.server.domain.Failure;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.guichet.server.auth.AuthService;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.Role;
import org.guichet.server.config.Deployments;
import org.guichet.server.domain.PasswordRules;
import org.guichet.server.store.CatalogStore;

import java.util.ArrayList;
import java.util.List;

/** Administration: the deployment, agent accounts, device tokens. */
public final class AdminRoutes {

    private static final String SELECT_DEVICES = """
            SELECT id, site_id, kind, name, room_id, counter_id, language, revoked_at, last_seen_at, health,
                   token_hash IS NOT NULL AS has_token
            FROM device ORDER BY site_id, id""";
    private static final String SELECT_DEVICE_SITE = "SELECT site_id FROM device WHERE id = $1";

    private final Deployments deployments;
    private final CatalogStore catalogs;
    private final AuthService auth;
    private final Pool pool;

    public AdminRoutes(Deployments deployments, CatalogStore catalogs, AuthService auth, Pool pool) {
        this.deployments = deployments;
        this.catalogs = catalogs;
        this.auth = auth;
        this.pool = pool;
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
        Principal principal = Reply.principal(ctx);
        JsonObject body = Json.body(ctx);
        JsonArray sites = Json.optionalArray(body, "sites");
        if (sites == null || sites.isEmpty()) {
            throw Failure.invalid("Field 'sites' must list at least one site.");
        }
        sites.forEach(site -> principal.requireAgent(Role.ADMIN,
                site instanceof JsonObject json ? json.getString("id") : null));
        Reply.json(ctx, deployments.apply(body, false)
                .map(tokens -> new JsonObject().put("applied", true).put("deviceTokens", new JsonObject(
                        new java.util.LinkedHashMap<>(tokens)))));
    }

    private void listAgents(RoutingContext ctx) {
        Principal principal = Reply.principal(ctx).requireAgent(Role.SUPERVISOR, null);
        Reply.json(ctx, auth.agents().map(agents -> {
            JsonArray visible = new JsonArray();
            agents.forEach(entry -> {
                JsonObject agent = (JsonObject) entry;
                List<String> sites = agent.getJsonArray("siteIds").getList();
                if (principal.siteIds().isEmpty() || sites.stream().anyMatch(principal::coversSite)) {
                    visible.add(agent);
                }
            });
            return visible;
        }));
    }

    private void createAgent(RoutingContext ctx) {
        Principal principal = Reply.principal(ctx);
        JsonObject body = Json.body(ctx);
        Role role = Role.parse(Json.requiredString(body, "role"));
        JsonArray siteArray = Json.optionalArray(body, "siteIds");
        List<String> siteIds = new ArrayList<>();
        if (siteArray != null) {
            siteArray.forEach(site -> {
                if (!(site instanceof String id)) {
                    throw Failure.invalid("siteIds must be strings.");
                }
                catalogs.get().site(id);
                siteIds.add(id);
            });
        }
        principal.requireAgent(Role.ADMIN, null);
        if (siteIds.isEmpty() && !principal.siteIds().isEmpty()) {
            throw Failure.notAllowed("Only an administrator of every site can create one.");
        }
        siteIds.forEach(principal::requireSite);
        String username = Json.requiredString(body, "username");
        if (!username.matches("[A-Za-z0-9._@-]{2,64}")) {
            throw Failure.invalid("A username has 2 to 64 letters, digits, dots, dashes or @.");
        }
        Reply.json(ctx, 201, auth.createAgent(username, Json.optionalString(body, "displayName") == null ? username
                : Json.optionalString(body, "displayName", 100), Json.requiredString(body, "password"), role, siteIds));
    }

    private void resetPassword(RoutingContext ctx) {
        Principal principal = Reply.principal(ctx).requireAgent(Role.ADMIN, null);
        long agentId = Json.pathLong(ctx, "agentId");
        String password = Json.requiredString(Json.body(ctx), "password");
        PasswordRules.problemWith(password).ifPresent(problem -> {
            throw Failure.invalid(problem);
        });
        Reply.json(ctx, auth.agent(agentId).compose(agent -> {
            List<String> sites = agent.getJsonArray("siteIds").getList();
            if (!principal.siteIds().isEmpty() && (sites.isEmpty() || !sites.stream().allMatch(principal::coversSite))) {
                throw Failure.notAllowed("That account is outside your sites.");
            }
            return auth.setPassword(agentId, password);
        }));
    }

    private void listDevices(RoutingContext ctx) {
        Principal principal = Reply.principal(ctx).requireAgent(Role.SUPERVISOR, null);
        Reply.json(ctx, pool.query(SELECT_DEVICES).execute().map(rows -> {
            JsonArray devices = new JsonArray();
            for (Row row : rows) {
                if (!principal.coversSite(row.getString("site_id"))) {
                    continue;
                }
                devices.add(new JsonObject()
                        .put("id", row.getString("id"))
                        .put("siteId", row.getString("site_id"))
                        .put("kind", row.getString("kind"))
                        .put("name", row.getString("name"))
                        .put("roomId", row.getString("room_id"))
                        .put("counterId", row.getString("counter_id"))
                        .put("language", row.getString("language"))
                        .put("revoked", row.getValue("revoked_at") != null)
                        .put("hasToken", row.getBoolean("has_token"))
                        .put("lastSeenAt", row.getOffsetDateTime("last_seen_at") == null ? null
                                : row.getOffsetDateTime("last_seen_at").toInstant().toString())
                        .put("health", row.getValue("health")));
            }
            return devices;
        }));
    }

    private void issueDeviceToken(RoutingContext ctx) {
        String deviceId = ctx.pathParam("deviceId");
        Principal principal = Reply.principal(ctx);
        Reply.json(ctx, deviceSite(deviceId)
                .compose(site -> {
                    principal.requireAgent(Role.ADMIN, site);
                    return auth.issueDeviceToken(deviceId);
                })
                .map(token -> new JsonObject().put("deviceId", deviceId).put("token", token)));
    }

    private void revokeDevice(RoutingContext ctx) {
        String deviceId = ctx.pathParam("deviceId");
        Principal principal = Reply.principal(ctx);
        Reply.json(ctx, deviceSite(deviceId).compose(site -> {
            principal.requireAgent(Role.ADMIN, site);
            return auth.revokeDevice(deviceId);
        }));
    }

    private Future<String> deviceSite(String deviceId) {
        return pool.preparedQuery(SELECT_DEVICE_SITE).execute(Tuple.of(deviceId)).map(rows -> {
            if (rows.size() == 0) {
                throw Failure.notFound("No device '" + deviceId + "'.");
            }
            return rows.iterator().next().getString(0);
        });
    }
}
