package org.guichet.server.view;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.Agent;
import org.guichet.server.domain.Device;
import org.guichet.server.domain.Languages;
import org.guichet.server.service.Accounts;

import java.util.List;

/** Accounts and devices as JSON: never a password hash nor a token, except a new session's own token, once. */
public final class AccountView {

    private AccountView() {
    }

    public static JsonObject agent(Agent agent) {
        return new JsonObject()
                .put("id", agent.id())
                .put("username", agent.username())
                .put("displayName", agent.displayName())
                .put("role", agent.role().dbName())
                .put("active", agent.active())
                .put("siteIds", new JsonArray(agent.siteIds()))
                .put("version", agent.version());
    }

    /**
     * What a CSV import created (or would create), with each one-time password given this once, and each refused
     * line with its reason.
     */
    public static JsonObject importReport(Accounts.ImportReport report) {
        JsonArray created = new JsonArray();
        report.created().forEach(account -> created.add(new JsonObject()
                .put("line", account.line())
                .put("id", account.id())
                .put("username", account.username())
                .put("displayName", account.displayName())
                .put("role", account.role().dbName())
                .put("siteIds", new JsonArray(account.siteIds()))
                .put("passwordGenerated", account.passwordGenerated())
                .put("oneTimePassword", account.oneTimePassword())));
        JsonArray rejected = new JsonArray();
        report.rejected().forEach(line -> rejected.add(new JsonObject().put("line", line.line())
                .put("username", line.username().isEmpty() ? null : line.username()).put("reason", line.reason())));
        return new JsonObject().put("dryRun", report.dryRun()).put("createdCount", report.created().size())
                .put("rejectedCount", report.rejected().size()).put("created", created).put("rejected", rejected)
                .put("tookMillis", report.took().toMillis());
    }

    public static JsonArray agents(List<Agent> agents) {
        JsonArray list = new JsonArray();
        agents.forEach(agent -> list.add(agent(agent)));
        return list;
    }

    public static JsonObject session(Accounts.Session session) {
        return new JsonObject().put("token", session.token()).put("expiresAt", session.expiresAt().toString())
                .put("agent", agent(session.agent()));
    }

    /** A device as administrators and supervisors see it: whether it has a token, never the token. */
    public static JsonObject forAdmin(Device device) {
        return new JsonObject()
                .put("id", device.id())
                .put("siteId", device.siteId())
                .put("kind", device.kind())
                .put("name", device.name())
                .put("roomId", device.roomId())
                .put("counterId", device.counterId())
                .put("language", device.language())
                .put("revoked", device.revoked())
                .put("hasToken", device.hasToken())
                .put("lastSeenAt", TicketView.text(device.lastSeenAt()))
                .put("health", device.health());
    }

    public static JsonArray devices(List<Device> devices) {
        JsonArray list = new JsonArray();
        devices.forEach(device -> list.add(forAdmin(device)));
        return list;
    }

    /** A device's own registration, as it reads it to know what to show ({@code /auth/me}). */
    public static JsonObject self(Device device) {
        return new JsonObject().put("deviceId", device.id()).put("kind", device.kind()).put("siteId", device.siteId())
                .put("roomId", device.roomId()).put("counterId", device.counterId())
                .put("language", device.language() == null || device.language().isBlank() ? Languages.DEFAULT
                        : device.language());
    }
}
