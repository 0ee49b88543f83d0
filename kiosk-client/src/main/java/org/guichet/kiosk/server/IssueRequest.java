package org.guichet.kiosk.server;

import io.vertx.core.json.JsonObject;

/**
 * A request to issue one ticket. The idempotency key belongs to one visitor action (a tap, a button press) and is
 * sent unchanged on every retry, so the server issues at most one ticket for it.
 */
public record IssueRequest(String serviceId, String priority, String language, String idempotencyKey) {

    public JsonObject toJson() {
        return new JsonObject().put("serviceId", serviceId).put("priority", priority).put("language", language)
                .put("idempotencyKey", idempotencyKey);
    }
}
