package org.guichet.server.domain;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

/** A registered kiosk or screen, as administrators see it: never its token, only whether it has one. */
public record Device(String id, String siteId, String kind, String name, String roomId, String counterId,
                     String language, boolean revoked, boolean hasToken, Instant lastSeenAt, JsonObject health) {

    public static final String KIOSK = "kiosk";
    public static final String SCREEN = "screen";
    public static final String COUNTER_SCREEN = "counter_screen";
}
