package org.guichet.server.domain;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

/**
 * A registered kiosk or screen, as administrators see it: never its token, only whether it has one, and until when a
 * pairing code given for it can still be redeemed (null when none can).
 */
public record Device(String id, String siteId, String kind, String name, String roomId, String counterId,
                     String language, boolean revoked, boolean hasToken, Instant lastSeenAt, JsonObject health,
                     Instant pairingExpiresAt) {

    public static final String KIOSK = "kiosk";
    public static final String SCREEN = "screen";
    public static final String COUNTER_SCREEN = "counter_screen";

    public static boolean isKind(String kind) {
        return KIOSK.equals(kind) || SCREEN.equals(kind) || COUNTER_SCREEN.equals(kind);
    }

    /** Whether the device can authenticate: {@code none} (never had a token), {@code active} or {@code revoked}. */
    public String tokenState() {
        if (revoked) {
            return "revoked";
        }
        return hasToken ? "active" : "none";
    }
}
