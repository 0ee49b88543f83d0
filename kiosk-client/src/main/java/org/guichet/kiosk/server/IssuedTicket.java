package org.guichet.kiosk.server;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A ticket the server issued (201) or found again for the same idempotency key (200), as POST /api/v1/tickets says.
 *
 * @param whereToWait where the visitor waits, a line each: the room, building and floor; the way there (in the
 *                    ticket's language); empty when the site says nothing of its rooms
 */
public record IssuedTicket(long id, String number, String serviceName, String statusToken, String statusPath,
                           Instant issuedAt, int peopleAhead, Integer estimatedWaitMinutes, String priority,
                           String language, boolean replayed, List<String> whereToWait) {

    public IssuedTicket {
        whereToWait = whereToWait == null ? List.of() : List.copyOf(whereToWait);
    }

    public static IssuedTicket fromJson(JsonObject json, boolean replayed) {
        String token = json.getString("statusToken");
        String path = json.getString("statusPath", token == null ? null : "/ticket/" + token);
        String issuedAt = json.getString("issuedAt");
        return new IssuedTicket(json.getLong("id", 0L), json.getString("number"), json.getString("serviceName", ""),
                token, path, issuedAt == null ? Instant.now() : Instant.parse(issuedAt),
                Math.max(0, json.getInteger("peopleAhead", 0)), json.getInteger("estimatedWaitMinutes"),
                json.getString("priority", "NORMAL"), json.getString("language", "fr"), replayed,
                whereLines(json.getJsonObject("where")));
    }

    /** "Salle Autonomie, Bâtiment B, 1er étage" then "Suivre la ligne verte"; nothing for a room with no name. */
    static List<String> whereLines(JsonObject where) {
        if (where == null || isBlank(where.getString("room"))) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.join(", ", Stream.of(where.getString("room"), where.getString("building"),
                where.getString("floor")).filter(part -> !isBlank(part)).toList()));
        if (!isBlank(where.getString("directions"))) {
            lines.add(where.getString("directions").strip());
        }
        return lines;
    }

    private static boolean isBlank(String text) {
        return Objects.requireNonNullElse(text, "").isBlank();
    }
}
