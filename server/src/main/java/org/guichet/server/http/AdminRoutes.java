package org.guichet.server.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.guichet.server.domain.AgentRules;
import org.guichet.server.domain.AuditQuery;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.Role;
import org.guichet.server.service.Accounts;
import org.guichet.server.service.Devices;
import org.guichet.server.service.Services;
import org.guichet.server.service.YamlCodec;
import org.guichet.server.view.AccountView;
import org.guichet.server.view.AuditView;
import org.guichet.server.view.DeploymentView;
import org.guichet.server.view.DeviceView;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Map;

/** Administration: the deployment, agent accounts, devices (tokens, pairing codes), the audit log. */
public final class AdminRoutes {

    private static final int MAX_DISPLAY_NAME = 100;

    private final Services services;

    public AdminRoutes(Services services) {
        this.services = services;
    }

    public void mount(Router api) {
        api.get("/admin/deployment").handler(this::readDeployment);
        api.put("/admin/deployment").handler(this::applyDeployment);
        api.get("/admin/agents").handler(this::listAgents);
        api.post("/admin/agents").handler(this::createAgent);
        api.post("/admin/agents/import").handler(this::importAgents);
        api.get("/admin/agents/:agentId").handler(this::readAgent);
        api.patch("/admin/agents/:agentId").handler(this::updateAgent);
        api.post("/admin/agents/:agentId/deactivate").handler(this::deactivateAgent);
        api.post("/admin/agents/:agentId/reactivate").handler(this::reactivateAgent);
        api.post("/admin/agents/:agentId/password").handler(this::resetPassword);
        api.get("/admin/devices").handler(this::listDevices);
        api.post("/admin/devices/:deviceId/token").handler(this::issueDeviceToken);
        api.post("/admin/devices/:deviceId/revoke").handler(this::revokeDevice);
        api.post("/admin/devices/:deviceId/pairing").handler(this::startPairing);
        api.get("/admin/audit").handler(this::listAudit);
        api.put("/admin/rooms/:roomId/plan").handler(this::putRoomPlan);
        api.delete("/admin/rooms/:roomId/plan").handler(this::removeRoomPlan);
    }

    /** In the shape PUT takes: JSON, or YAML (the configuration file's "deployment" block) when asked. */
    private void readDeployment(RoutingContext ctx) {
        boolean yaml = wantsYaml(ctx);
        var deployment = services.deployments().read(Reply.principal(ctx));
        if (yaml) {
            deployment.map(DeploymentView::yaml)
                    .onSuccess(text -> ctx.response().putHeader("Content-Type", "application/yaml; charset=utf-8")
                            .end(text))
                    .onFailure(ctx::fail);
        } else {
            Reply.json(ctx, deployment);
        }
    }

    /**
     * Same shape as the "deployment" block of the configuration file; answers the tokens of new devices, once, and
     * what changed. With dryRun=true, answers only what would change.
     */
    private void applyDeployment(RoutingContext ctx) {
        if (flag(ctx, "dryRun")) {
            Reply.json(ctx, services.deployments().dryRun(Reply.principal(ctx), deploymentBody(ctx))
                    .map(changes -> new JsonObject().put("dryRun", true).put("sites", DeploymentView.changes(changes))));
            return;
        }
        Reply.json(ctx, services.deployments().apply(Reply.principal(ctx), Reply.address(ctx), deploymentBody(ctx))
                .map(applied -> new JsonObject().put("applied", true)
                        .put("deviceTokens", new JsonObject(new LinkedHashMap<>(applied.deviceTokens())))
                        .put("sites", DeploymentView.changes(applied.changes()))));
    }

    /**
     * JSON, or YAML when sent as such (an exported file edited, or a whole configuration file, whose "deployment"
     * block is taken).
     */
    private static JsonObject deploymentBody(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        JsonObject body = type != null && type.toLowerCase(Locale.ROOT).contains("yaml")
                ? YamlCodec.read(Objects.requireNonNullElse(ctx.body().asString(), "")) : Json.body(ctx);
        return deploymentBlock(body);
    }

    /** The deployment a body holds: itself, or the "deployment" block of a whole configuration file. */
    static JsonObject deploymentBlock(JsonObject body) {
        Object block = body.getValue("deployment");
        return block instanceof JsonObject deployment && !body.containsKey("sites") ? deployment : body;
    }

    /** The body is the image itself (PNG or JPEG). */
    private void putRoomPlan(RoutingContext ctx) {
        Buffer image = ctx.body().buffer();
        Reply.json(ctx, services.roomPlans().put(Reply.principal(ctx), Reply.address(ctx), ctx.pathParam("roomId"),
                image == null ? new byte[0] : image.getBytes()).map(done -> new JsonObject().put("plan", true)));
    }

    private void removeRoomPlan(RoutingContext ctx) {
        Reply.json(ctx, services.roomPlans().remove(Reply.principal(ctx), Reply.address(ctx), ctx.pathParam("roomId"))
                .map(done -> new JsonObject().put("plan", false)));
    }

    private void listAgents(RoutingContext ctx) {
        Reply.json(ctx, services.accounts().agents(Reply.principal(ctx)).map(AccountView::agents));
    }

    private void createAgent(RoutingContext ctx) {
        JsonObject body = Json.body(ctx);
        Role role = Role.parse(Json.requiredString(body, "role"));
        List<String> siteIds = siteIds(body);
        String username = Json.requiredString(body, "username");
        String displayName = Json.optionalString(body, "displayName", MAX_DISPLAY_NAME);
        Accounts.NewAccount account = new Accounts.NewAccount(username, displayName == null ? username : displayName,
                Json.requiredString(body, "password"), role, siteIds);
        Reply.json(ctx, 201, services.accounts().create(Reply.principal(ctx), Reply.address(ctx), account).map(AccountView::agent));
    }

    private void readAgent(RoutingContext ctx) {
        Reply.json(ctx, services.accounts().agent(Reply.principal(ctx), Json.pathLong(ctx, "agentId"))
                .map(AccountView::agent));
    }

    /** Any of displayName, role, siteIds; the version changed from, as If-Match or as the field "version". */
    private void updateAgent(RoutingContext ctx) {
        JsonObject body = Json.body(ctx);
        int version = version(ctx, body);
        String role = Json.optionalString(body, "role");
        AgentRules.Change change = new AgentRules.Change(Json.optionalString(body, "displayName", MAX_DISPLAY_NAME),
                role == null ? null : Role.parse(role), body.containsKey("siteIds") ? siteIds(body) : null);
        Reply.json(ctx, services.accounts().update(Reply.principal(ctx), Reply.address(ctx),
                Json.pathLong(ctx, "agentId"), version, change).map(AccountView::agent));
    }

    private void deactivateAgent(RoutingContext ctx) {
        Reply.json(ctx, services.accounts().deactivate(Reply.principal(ctx), Reply.address(ctx),
                Json.pathLong(ctx, "agentId")).map(AccountView::agent));
    }

    private void reactivateAgent(RoutingContext ctx) {
        Reply.json(ctx, services.accounts().reactivate(Reply.principal(ctx), Reply.address(ctx),
                Json.pathLong(ctx, "agentId")).map(AccountView::agent));
    }

    /** A text/csv body (UTF-8, with or without a byte-order mark); ?dryRun=true writes nothing. */
    private void importAgents(RoutingContext ctx) {
        Reply.json(ctx, services.accounts().importCsv(Reply.principal(ctx), Reply.address(ctx), csv(ctx),
                flag(ctx, "dryRun")).map(AccountView::importReport));
    }

    private void resetPassword(RoutingContext ctx) {
        long agentId = Json.pathLong(ctx, "agentId");
        String password = Json.requiredString(Json.body(ctx), "password");
        Reply.json(ctx, services.accounts().resetPassword(Reply.principal(ctx), Reply.address(ctx), agentId,
                password));
    }

    /** Filtered by siteId and kind when given. */
    private void listDevices(RoutingContext ctx) {
        Devices.Filter filter = new Devices.Filter(ctx.queryParams().get("siteId"), ctx.queryParams().get("kind"));
        Reply.json(ctx, services.devices().list(Reply.principal(ctx), filter).map(devices -> AccountView.devices(
                devices, services.catalogs().get(), services.clock().instant())));
    }

    /** A pairing code for the device, shown once, with the address a screen opens or the command a kiosk runs. */
    private void startPairing(RoutingContext ctx) {
        Reply.json(ctx, 201, services.devices().startPairing(Reply.principal(ctx), Reply.address(ctx),
                ctx.pathParam("deviceId")).map(started -> DeviceView.pairing(started, origin(ctx))));
    }

    private void issueDeviceToken(RoutingContext ctx) {
        String deviceId = ctx.pathParam("deviceId");
        Reply.json(ctx, services.devices().issueToken(Reply.principal(ctx), Reply.address(ctx), deviceId)
                .map(token -> new JsonObject().put("deviceId", deviceId).put("token", token)));
    }

    private void revokeDevice(RoutingContext ctx) {
        Reply.json(ctx, services.devices().revoke(Reply.principal(ctx), Reply.address(ctx),
                ctx.pathParam("deviceId")));
    }

    /** Newest first, filtered by from, to, actor, action, siteId, entity; pages of limit entries before an id. */
    private void listAudit(RoutingContext ctx) {
        Map<String, String> params = new HashMap<>();
        ctx.queryParams().names().forEach(name -> params.put(name, ctx.queryParams().get(name)));
        AuditQuery query = AuditQuery.parse(params);
        Reply.json(ctx, services.audit().list(Reply.principal(ctx), query)
                .map(entries -> AuditView.page(entries, query.limit())));
    }

    private static List<String> siteIds(JsonObject body) {
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
        return siteIds;
    }

    /**
     * The version a change was made from: the If-Match header (3, "3" or W/"3") or the body's "version"; one of them
     * is required, and they must agree. Fields that other endpoints change are refused with where to change them.
     */
    private static int version(RoutingContext ctx, JsonObject body) {
        for (String field : List.of("username", "password", "active")) {
            if (body.containsKey(field)) {
                throw Failure.invalid(switch (field) {
                    case "username" -> "A username cannot be changed.";
                    case "password" -> "Set a password with POST /api/v1/admin/agents/{agentId}/password.";
                    default -> "Use POST /api/v1/admin/agents/{agentId}/deactivate or /reactivate.";
                });
            }
        }
        Integer field = Json.optionalInt(body, "version");
        String header = ctx.request().getHeader("If-Match");
        Integer matched = null;
        if (header != null) {
            String tag = header.strip();
            tag = tag.startsWith("W/") ? tag.substring(2) : tag;
            tag = tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"") ? tag.substring(1, tag.length() - 1)
                    : tag;
            try {
                matched = Integer.parseInt(tag);
            } catch (NumberFormatException e) {
                throw Failure.invalid("If-Match must be the account's version, such as \"3\".");
            }
        }
        if (field != null && matched != null && !field.equals(matched)) {
            throw Failure.invalid("If-Match and the field version disagree.");
        }
        if (field == null && matched == null) {
            throw Failure.invalid("Send the version of the account you changed (If-Match header or field version), "
                                  + "so that nobody else's change is overwritten.");
        }
        return field != null ? field : matched;
    }

    /** The body as text: UTF-8, the byte-order mark left for the parser; anything else is refused. */
    private static String csv(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        String media = type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!media.isEmpty() && !media.equals("text/csv") && !media.equals("text/plain")) {
            throw Failure.invalid("Send the list as text/csv.");
        }
        var body = ctx.body();
        byte[] bytes = body == null || body.buffer() == null ? new byte[0] : body.buffer().getBytes();
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw Failure.invalid("The file is not UTF-8 text; in Excel, save it as \"CSV UTF-8\".");
        }
    }

    /** The server's address as the administrator reached it, to build the address a device opens. */
    private static String origin(RoutingContext ctx) {
        String host = ctx.request().authority() == null ? null : ctx.request().authority().toString();
        return host == null ? "" : ctx.request().scheme() + "://" + host;
    }

    private static boolean wantsYaml(RoutingContext ctx) {
        String format = ctx.queryParams().get("format");
        if (format == null) {
            String accept = ctx.request().getHeader("Accept");
            return accept != null && (accept.contains("application/yaml") || accept.contains("text/yaml"));
        }
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "json" -> false;
            case "yaml" -> true;
            default -> throw Failure.invalid("format must be json or yaml.");
        };
    }

    private static boolean flag(RoutingContext ctx, String name) {
        String value = ctx.queryParams().get(name);
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw Failure.invalid(name + " must be true or false.");
    }
}
