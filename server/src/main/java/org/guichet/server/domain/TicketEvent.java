package org.guichet.server.domain;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

/** One step of a ticket's history, as appended when it happened. */
public record TicketEvent(String kind, Instant at, String counterId, Long agentId, JsonObject data) {
}
