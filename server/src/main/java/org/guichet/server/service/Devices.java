package org.guichet.server.service;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.AccessPolicy.Action;
import org.guichet.server.domain.AccessPolicy;
import org.guichet.server.domain.AuditEntry;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.Device;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.PairingCodes;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.Tokens;
import org.guichet.server.store.DeviceStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Kiosks and screens: their tokens, pairing codes, revocation, and the health they report every 30 seconds.
 * <p>
 * Pairing: an administrator asks for a code ({@link #startPairing}); the device, which has no token yet, redeems it
 * ({@link #pair}) for a new token, once. Guessing is made impractical by the code's size, its ten-minute life, the
 * five wrong guesses (at the same selector) that burn it, {@link PairingThrottle} (20 wrong codes a minute per
 * instance) and a pause before each wrong answer.
 */
public final class Devices {

    /** A health report is a few flags; anything larger is refused. */
    static final int MAX_HEALTH_REPORT_CHARACTERS = 4000;
    /** How long a wrong pairing code waits before its answer. */
    static final Duration WRONG_CODE_PAUSE = Duration.ofMillis(400);
    /** How many times a new code is drawn when its selector is taken by another device's code. */
    private static final int CODE_DRAWS = 10;

    /** A pairing code given to an administrator, shown once. */
    public record PairingStarted(Device device, String code, Instant expiresAt) {
    }

    /** A redeemed pairing code: the device's new token (answered once) and who it is now. */
    public record Paired(String token, Principal device) {
    }

    /** Which devices to list: null for any site, any kind. */
    public record Filter(String siteId, String kind) {
    }

    private final DeviceStore devices;
    private final Authentication authentication;
    private final Announcements announcements;
    private final Catalogs catalogs;
    private final Vertx vertx;
    private final Clock clock;
    private final PairingThrottle throttle;

    public Devices(DeviceStore devices, Authentication authentication, Announcements announcements, Catalogs catalogs,
                   Vertx vertx, Clock clock) {
        this.devices = devices;
        this.authentication = authentication;
        this.announcements = announcements;
        this.catalogs = catalogs;
        this.vertx = vertx;
        this.clock = clock;
        this.throttle = new PairingThrottle(clock);
    }

    /** The devices of the sites the principal supervises, of one site and one kind when asked. */
    public Future<List<Device>> list(Principal principal, Filter filter) {
        AccessPolicy.require(principal, Action.LIST_DEVICES, AccessPolicy.Scope.none());
        if (filter.kind() != null && !Device.isKind(filter.kind())) {
            throw Failure.invalid("kind must be kiosk, screen or counter_screen.");
        }
        if (filter.siteId() != null) {
            Catalog.Site site = catalogs.get().site(filter.siteId());
            AccessPolicy.require(principal, Action.READ_DEVICE, AccessPolicy.Scope.site(site.id()));
        }
        return devices.all(clock.instant()).map(all -> all.stream()
                .filter(device -> filter.siteId() == null || filter.siteId().equals(device.siteId()))
                .filter(device -> filter.kind() == null || filter.kind().equals(device.kind()))
                .filter(device -> AccessPolicy.allows(principal, Action.READ_DEVICE,
                        AccessPolicy.Scope.site(device.siteId())))
                .toList());
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
        return devices.setToken(device.id(), Tokens.hash(token), entry).compose(previous ->
                stopUsing(previous.orElseThrow(() -> Failure.notFound("No device '" + device.id() + "'.")))
                        .map(done -> token));
    }

    /**
     * Gives a device of the administrator's sites a pairing code, valid {@link PairingCodes#LIFETIME}, replacing any
     * earlier one; the device's current token keeps working until the code is redeemed.
     */
    public Future<PairingStarted> startPairing(Principal principal, String address, String deviceId) {
        return device(deviceId).compose(device -> {
            AccessPolicy.require(principal, Action.MANAGE_DEVICE, AccessPolicy.Scope.site(device.siteId()));
            return startPairing(device, AuditEntry.Actor.of(principal, address), CODE_DRAWS);
        });
    }

    private Future<PairingStarted> startPairing(Device device, AuditEntry.Actor actor, int drawsLeft) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(PairingCodes.LIFETIME);
        String code = PairingCodes.newCode();
        AuditEntry entry = AuditEntry.of(now, actor, "device.pairing_start", "device", device.id(), device.siteId(),
                new JsonObject().put("pairingExpiresAt", text(device.pairingExpiresAt())),
                new JsonObject().put("pairingExpiresAt", expiresAt.toString()));
        return devices.startPairing(device.id(), PairingCodes.selector(code), Tokens.hash(code), now, expiresAt, entry)
                .compose(stored -> {
                    if (stored) {
                        return Future.succeededFuture(new PairingStarted(device, code, expiresAt));
                    }
                    if (drawsLeft <= 1) {
                        return Future.failedFuture(Failure.conflict("pairing_busy",
                                "No pairing code could be drawn now; try again."));
                    }
                    return startPairing(device, actor, drawsLeft - 1);
                });
    }

    /**
     * A device with no token redeems a pairing code for one: answers the new token, once (the device's previous token
     * stops working). Fails with a plain sentence when the code is malformed, unknown (after a pause), used,
     * expired, burnt by wrong guesses, for a kind of device not in {@code kinds} (when not empty; the code is left
     * unspent), or when too many wrong codes were tried lately.
     */
    public Future<Paired> pair(String address, String typedCode, Set<String> kinds) {
        kinds.forEach(kind -> {
            if (!Device.isKind(kind)) {
                throw Failure.invalid("kinds must be kiosk, screen or counter_screen.");
            }
        });
        String code = PairingCodes.normalize(typedCode).orElseThrow(() -> Failure.invalid(
                "A pairing code has " + PairingCodes.LENGTH + " letters and digits, such as ABCD-EFGH."));
        throttle.refusedFor().ifPresent(wait -> {
            throw Failure.tooManyAttempts("pairing_throttled", "Too many wrong pairing codes were tried; try again in "
                    + Math.max(1, wait.toSeconds() + 1) + " seconds.");
        });
        String token = Tokens.newToken(Tokens.DEVICE_PREFIX);
        Instant now = clock.instant();
        return devices.redeemPairing(PairingCodes.selector(code), Tokens.hash(code), kinds, now, Tokens.hash(token),
                        device -> AuditEntry.of(now, new AuditEntry.Actor(null, "device:" + device.deviceId(), address),
                                "device.pair", "device", device.deviceId(), device.onlySite(), null,
                                new JsonObject().put("revoked", false).put("paired", true)))
                .compose(redemption -> switch (redemption.verdict()) {
                    case REDEEM -> stopUsing(redemption.previousTokenKey())
                            .map(done -> new Paired(token, redemption.device()));
                    case WRONG -> {
                        throttle.failed();
                        yield vertx.timer(WRONG_CODE_PAUSE.toMillis()).compose(paused -> Future.failedFuture(
                                Failure.notFound("pairing_code_unknown", "This pairing code is not known: check "
                                        + "the characters, or ask an administrator for a new code.")));
                    }
                    case USED -> Future.failedFuture(Failure.conflict("pairing_code_used",
                            "This pairing code has already been used; ask an administrator for a new code."));
                    case EXPIRED -> Future.failedFuture(Failure.conflict("pairing_code_expired",
                            "This pairing code has expired; ask an administrator for a new code."));
                    case OTHER_KIND -> Future.failedFuture(Failure.conflict("pairing_code_other_kind",
                            "This pairing code is for another kind of device; it is still valid there."));
                    case BURNT -> Future.failedFuture(Failure.conflict("pairing_code_blocked",
                            "This pairing code was blocked after too many wrong tries; ask an administrator for a "
                                    + "new code."));
                });
    }

    /** Revokes a device's token: its requests are refused and its live connections closed, on every instance. */
    public Future<Void> revoke(Principal principal, String address, String deviceId) {
        return device(deviceId).compose(device -> {
            AccessPolicy.require(principal, Action.MANAGE_DEVICE, AccessPolicy.Scope.site(device.siteId()));
            return devices.revoke(deviceId, clock.instant(), AuditEntry.of(clock.instant(),
                    AuditEntry.Actor.of(principal, address), "device.revoke", "device", deviceId, device.siteId(),
                    new JsonObject().put("revoked", false), new JsonObject().put("revoked", true)));
        }).compose(revoked -> stopUsing(revoked.orElseThrow(() -> Failure.notFound("No active device '"
                + deviceId + "'."))));
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

    /**
     * Devices given another room, counter or kind keep their tokens; what every instance remembers of them is
     * forgotten and the sockets they opened for their former place closed, so that they come back with their new
     * one. Completes once every instance has forgotten them.
     */
    public Future<Void> moved(List<String> tokenKeys) {
        tokenKeys.forEach(authentication::forget);
        return announcements.credentialsRevoked(tokenKeys);
    }

    /**
     * A token that stopped being valid is forgotten here and on every instance, and its sockets closed; completes
     * once every instance has forgotten it.
     */
    private Future<Void> stopUsing(String tokenKey) {
        if (tokenKey == null || tokenKey.isEmpty()) {
            return Future.succeededFuture();
        }
        authentication.forget(tokenKey);
        return announcements.credentialsRevoked(List.of(tokenKey));
    }

    private Future<Device> device(String deviceId) {
        return devices.device(deviceId, clock.instant()).map(found -> found.orElseThrow(
                () -> Failure.notFound("No device '" + deviceId + "'.")));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
