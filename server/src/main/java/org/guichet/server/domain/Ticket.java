package org.guichet.server.domain;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A ticket row as read back from the store. */
public record Ticket(long id, String siteId, String serviceId, String roomId, String prefix, int seq,
                     LocalDate serviceDay, PriorityClass priority, String language, TicketStatus status,
                     String statusToken, Instant arrivalAt, Instant issuedAt, Instant firstCalledAt, Instant calledAt,
                     Instant startedAt, Instant endedAt, String counterId, Long agentId, int recallCount,
                     String outcome, String note, String targetCounterId, Long transferredFrom) {

    public static final String COLUMNS = """
            id, site_id, service_id, room_id, prefix, seq, service_day, priority, language, status, status_token,
            arrival_at, issued_at, first_called_at, called_at, started_at, ended_at, counter_id, agent_id,
            recall_count, outcome, note, target_counter_id, transferred_from""";

    public static Ticket from(Row row) {
        return new Ticket(row.getLong("id"), row.getString("site_id"), row.getString("service_id"),
                row.getString("room_id"), row.getString("prefix"), row.getInteger("seq"),
                row.getLocalDate("service_day"), PriorityClass.valueOf(row.getString("priority")),
                row.getString("language"), TicketStatus.valueOf(row.getString("status")),
                row.getString("status_token"), instant(row, "arrival_at"), instant(row, "issued_at"),
                instant(row, "first_called_at"), instant(row, "called_at"), instant(row, "started_at"),
                instant(row, "ended_at"), row.getString("counter_id"), row.getLong("agent_id"),
                row.getInteger("recall_count"), row.getString("outcome"), row.getString("note"),
                row.getString("target_counter_id"), row.getLong("transferred_from"));
    }

    public String number() {
        return TicketNumber.format(prefix, seq);
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    /** The ticket as the API shows it to agents and devices; the status token only when asked for (issuer). */
    public JsonObject toJson(String serviceName, String counterName, boolean withStatusToken) {
        JsonObject json = new JsonObject()
                .put("id", id)
                .put("number", number())
                .put("spoken", TicketNumber.spoken(number()))
                .put("siteId", siteId)
                .put("serviceId", serviceId)
                .put("serviceName", serviceName)
                .put("roomId", roomId)
                .put("priority", priority.name())
                .put("language", language)
                .put("status", status.name())
                .put("serviceDay", serviceDay.toString())
                .put("arrivalAt", text(arrivalAt))
                .put("issuedAt", text(issuedAt))
                .put("firstCalledAt", text(firstCalledAt))
                .put("calledAt", text(calledAt))
                .put("startedAt", text(startedAt))
                .put("endedAt", text(endedAt))
                .put("counterId", counterId)
                .put("counterName", counterName)
                .put("agentId", agentId)
                .put("recallCount", recallCount)
                .put("outcome", outcome)
                .put("note", note)
                .put("targetCounterId", targetCounterId)
                .put("transferredFrom", transferredFrom);
        if (withStatusToken) {
            json.put("statusToken", statusToken);
        }
        return json;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
