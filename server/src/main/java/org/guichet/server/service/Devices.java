package org.guichet.server.service;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.AccessPolicy.Action;
import org.guichet.server.domain.AccessPolicy;
import org.guichet.server.domain.AuditEntry;
import org.guichet.server.domain.Device;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.Tokens;
import org.guichet.server.store.DeviceStore;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Kiosks and screens: their tokens, their revocation, and the health they report every 30 seconds. */
public final class Devices {

    /** A health report is a few flags; anything larger is refused. */
    static final int MAX_HEALTH_REPORT_CHARACTERS = 4000;

    private final DeviceStore devices;
    private final Authentication authentication;
    private final Announcements announcements;
    private final Clock clock;

    public Devices(DeviceStore devices, Authentication authentication, Announcements announcements, Clock clock) {
        this.devices = devices;
        this.authentication = authentication;
        this.announcements = announcements;
        this.clock = clock;
    }

    /** The devices of the sites the principal supervises. */
    public Future<List<Device>> list(Principal principal) {
        AccessPolicy.require(principal, Action.LIST_DEVICES, AccessPolicy.Scope.none());
        return devices.all().map(all -> all.stream().filter(device -> AccessPolicy.allows(principal,
                Action.READ_DEVICE, AccessPolicy.Scope.site(device.siteId()))).toList());
    }

    /** The device making the request, as registered. */
    public Future<Device> self(Principal principal) {
        return device(principal.deviceId());
    }

    /** Gives a device of the administrator's sites a new token (the old one stops working) and answers it, once. */
    public Future<String> issueToken(Principal principal, String address, String deviceId) {
        return device(deviceId).compose(device -> {
            AccessPolicy.require(principal, Action.MANAGE_DEVICE, AccessPolicy.Scope.site(device.siteId()));
            return issueToken(device, AuditEntry.Actor.of(principal, address));
        });
    }

    /** Gives a device a new token without asking anyone (a deployment's new devices, the demo), audited as the actor's. */
    public Future<String> issueToken(String deviceId, AuditEntry.Actor actor) {
        return device(deviceId).compose(device -> issueToken(device, actor));
    }

    private Future<String> issueToken(Device device, AuditEntry.Actor actor) {
        String token = Tokens.newToken(Tokens.DEVICE_PREFIX);
        AuditEntry entry = AuditEntry.of(clock.instant(), actor, "device.token_issue", "device", device.id(),
                device.siteId(), new JsonObject().put("revoked", device.revoked()),
                new JsonObject().put("revoked", false));
        return devices.setToken(device.id(), Tokens.hash(token), entry).map(found -> {
            if (!found) {
                throw Failure.notFound("No device '" + device.id() + "'.");
            }
            return token;
        });
    }

    /** Revokes a device's token: its requests are refused and its live connections closed, on every instance. */
    public Future<Void> revoke(Principal principal, String address, String deviceId) {
        return device(deviceId).compose(device -> {
            AccessPolicy.require(principal, Action.MANAGE_DEVICE, AccessPolicy.Scope.site(device.siteId()));
            return devices.revoke(deviceId, clock.instant(), AuditEntry.of(clock.instant(),
                    AuditEntry.Actor.of(principal, address), "device.revoke", "device", deviceId, device.siteId(),
                    new JsonObject().put("revoked", false), new JsonObject().put("revoked", true)));
        }).map(revoked -> {
            String hash = revoked.orElseThrow(() -> Failure.notFound("No active device '" + deviceId + "'."));
            if (!hash.isEmpty()) {
                authentication.forget(hash);
                announcements.credentialsRevoked(hash);
            }
            return null;
        });
    }

    /** A device says it is alive, with its health (printer paper, errors); answers the server's time. */
    public Future<Instant> heartbeat(Principal principal, JsonObject health) {
        AccessPolicy.require(principal, Action.SEND_HEARTBEAT, AccessPolicy.Scope.none());
        if (health.encode().length() > MAX_HEALTH_REPORT_CHARACTERS) {
            throw Failure.invalid("Health report too large.");
        }
        Instant now = clock.instant();
        return devices.reportHealth(principal.deviceId(), now, health).map(done -> now);
    }

    private Future<Device> device(String deviceId) {
        return devices.device(deviceId).map(found -> found.orElseThrow(
                () -> Failure.notFound("No device '" + deviceId + "'.")));
    }
}
