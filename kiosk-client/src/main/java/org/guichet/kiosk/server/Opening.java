package org.guichet.kiosk.server;

import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.Optional;

/**
 * Whether the site issues tickets, as the server said when the menu was read: the kiosk shows its closed screen
 * while it does not, and reads the menu again when the server said it would change.
 *
 * @param issuing       the site issues tickets now
 * @param reason        why not (OUTSIDE_HOURS, AFTER_LAST_TICKET, PUBLIC_HOLIDAY, CLOSURE); null while issuing
 * @param nextOpening   when it issues again, in the site's local time: null while issuing, or if not for a long time
 * @param untilChange   how long after the menu was read the status changes; null if it does not
 */
public record Opening(boolean issuing, String reason, JsonObject nextOpening, Duration untilChange) {

    /** What a server that predates calendars means: always open. */
    public static final Opening ALWAYS = new Opening(true, null, null, null);

    public static Opening fromJson(JsonObject json) {
        if (json == null) {
            return ALWAYS;
        }
        Long seconds = json.getLong("secondsToNextChange");
        return new Opening(json.getBoolean("issuing", true), json.getString("reason"),
                json.getJsonObject("nextOpening"), seconds == null ? null : Duration.ofSeconds(Math.max(0, seconds)));
    }

    public Optional<Duration> nextChange() {
        return Optional.ofNullable(untilChange);
    }

    /** For the touch UI: {issuing, reason, nextOpening: {date, time, weekday, days}}. */
    public JsonObject toUiJson() {
        return new JsonObject().put("issuing", issuing).put("reason", reason).put("nextOpening", nextOpening);
    }
}
