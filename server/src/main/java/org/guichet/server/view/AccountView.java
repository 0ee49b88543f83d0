package org.guichet.server.view;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.Agent;
import org.guichet.server.domain.Role;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.Device;
import org.guichet.server.domain.stats.Alerts;
import org.guichet.server.domain.Languages;
import org.guichet.server.service.Accounts;

import java.time.Duration;
import java.time.Instant;
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
                .put("version", agent.version())
                // Made at a first single sign-on and given no access yet: waits for an administrator.
                .put("pending", agent.role() != Role.ADMIN && agent.siteIds().isEmpty());
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
                .put("agent", agent(session.agent())).put("mustChangePassword", session.mustChangePassword());
    }

    /**
     * A device as administrators and supervisors see it: where it is, whether it can authenticate (never its token),
     * whether a pairing code is waiting for it, when it last reported and what: a kiosk's state and printer, whether a
     * screen's live connection is up (null when it has not reported lately).
     */
    public static JsonObject forAdmin(Device device, Catalog catalog, Instant now) {
        JsonObject health = device.health() == null ? new JsonObject() : device.health();
        boolean recent = device.lastSeenAt() != null
                         && !Duration.between(device.lastSeenAt(), now).minus(Alerts.SILENT_AFTER).isPositive();
        boolean kiosk = Device.KIOSK.equals(device.kind());
        Catalog.Room room = device.roomId() == null ? null : catalog.rooms().get(device.roomId());
        return new JsonObject()
                .put("id", device.id())
                .put("siteId", device.siteId())
                .put("kind", device.kind())
                .put("name", device.name())
                .put("roomId", device.roomId())
                .put("roomName", room == null ? null : room.name())
                .put("counterId", device.counterId())
                .put("counterName", catalog.counterName(device.counterId()))
                .put("language", device.language())
                .put("tokenState", device.tokenState())
                .put("revoked", device.revoked())
                .put("hasToken", device.hasToken())
                .put("pairingPending", device.pairingExpiresAt() != null)
                .put("pairingExpiresAt", TicketView.text(device.pairingExpiresAt()))
                .put("lastSeenAt", TicketView.text(device.lastSeenAt()))
                .put("reporting", recent)
                .put("state", kiosk ? health.getValue("state") : null)
                .put("printer", kiosk && health.getValue("printer") instanceof JsonObject printer ? printer : null)
                .put("connected", kiosk || !recent ? null
                        : health.getValue("connected") instanceof Boolean connected ? connected : null)
                .put("health", device.health());
    }

    public static JsonArray devices(List<Device> devices, Catalog catalog, Instant now) {
        JsonArray list = new JsonArray();
        devices.forEach(device -> list.add(forAdmin(device, catalog, now)));
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
