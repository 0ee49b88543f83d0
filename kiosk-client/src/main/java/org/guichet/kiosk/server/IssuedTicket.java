package org.guichet.kiosk.server;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

/** A ticket the server issued (201) or found again for the same idempotency key (200), as POST /api/v1/tickets says. */
public record IssuedTicket(long id, String number, String serviceName, String statusToken, String statusPath,
                           Instant issuedAt, int peopleAhead, Integer estimatedWaitMinutes, String priority,
                           String language, boolean replayed) {

    public static IssuedTicket fromJson(JsonObject json, boolean replayed) {
        String token = json.getString("statusToken");
        String path = json.getString("statusPath", token == null ? null : "/ticket/" + token);
        String issuedAt = json.getString("issuedAt");
        return new IssuedTicket(json.getLong("id", 0L), json.getString("number"), json.getString("serviceName", ""),
                token, path, issuedAt == null ? Instant.now() : Instant.parse(issuedAt),
                Math.max(0, json.getInteger("peopleAhead", 0)), json.getInteger("estimatedWaitMinutes"),
                json.getString("priority", "NORMAL"), json.getString("language", "fr"), replayed);
    }
}
