package org.guichet.server.stats;

import org.guichet.server.domain.stats.Alerts;
import org.guichet.server.domain.stats.Metrics;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.guichet.server.domain.TicketNumber;
import org.guichet.server.realtime.QueueSummaries;
import org.guichet.server.domain.Catalog;

import java.time.Instant;
import java.time.OffsetDateTime;

/** What the supervisor's live view shows of one site right now: counters, queues, today's figures, alerts. */
public final class LiveSupervision {

    private static final String SELECT_COUNTERS = """
            SELECT c.id, coalesce(cs.status, 'CLOSED') AS status, cs.since, cs.pause_reason, cs.agent_id,
                   a.display_name AS agent_name,
                   t.id AS ticket_id, t.prefix, t.seq, t.status AS ticket_status, t.service_id, t.priority,
                   t.arrival_at, t.called_at, t.started_at
            FROM counter c
            LEFT JOIN counter_state cs ON cs.counter_id = c.id
            LEFT JOIN agent a ON a.id = cs.agent_id
            LEFT JOIN ticket t ON t.counter_id = c.id AND t.status IN ('CALLED', 'SERVING')
            WHERE c.site_id = $1""";

    private final Pool pool;
    private final QueueSummaries summaries;

    public LiveSupervision(Pool pool, QueueSummaries summaries) {
        this.pool = pool;
        this.summaries = summaries;
    }

    /**
     * {@code {siteId, name, timeZone, at, counters:[{id, name, roomId, status, since, pauseReason, agentId, agentName,
     * ticket}], queue:{...same as guichet.site.<id>.queue}, today:{metrics}, alerts:[...]}}
     */
    public Future<JsonObject> live(Catalog catalog, Catalog.Site site, Instant now, Metrics today,
                                   java.util.List<Alerts.Alert> alerts) {
        JsonObject live = new JsonObject().put("siteId", site.id()).put("name", site.name())
                .put("timeZone", site.zone().getId()).put("at", now.toString());
        return pool.preparedQuery(SELECT_COUNTERS).execute(Tuple.of(site.id()))
                .compose(rows -> {
                    JsonArray counters = new JsonArray();
                    java.util.Map<String, Row> byCounter = new java.util.HashMap<>();
                    rows.forEach(row -> byCounter.put(row.getString("id"), row));
                    for (Catalog.Counter counter : catalog.countersOf(site.id())) {
                        Row row = byCounter.get(counter.id());
                        counters.add(counter(catalog, counter, row));
                    }
                    live.put("counters", counters);
                    return summaries.summary(site.id());
                })
                .map(queue -> {
                    JsonArray alertList = new JsonArray();
                    alerts.forEach(alert -> alertList.add(alert.toJson()));
                    return live.put("queue", queue).put("today", today.toJson()).put("alerts", alertList);
                });
    }

    private static JsonObject counter(Catalog catalog, Catalog.Counter counter, Row row) {
        JsonObject json = new JsonObject().put("id", counter.id()).put("name", counter.name())
                .put("roomId", counter.roomId()).put("active", counter.active())
                .put("serviceIds", new JsonArray(counter.serviceIds()));
        if (row == null) {
            return json.put("status", "CLOSED");
        }
        json.put("status", row.getString("status"))
                .put("since", text(row.getOffsetDateTime("since")))
                .put("pauseReason", row.getString("pause_reason"))
                .put("agentId", row.getLong("agent_id"))
                .put("agentName", row.getString("agent_name"));
        if (row.getLong("ticket_id") != null) {
            String number = TicketNumber.format(row.getString("prefix"), row.getInteger("seq"));
            Catalog.Service service = catalog.services().get(row.getString("service_id"));
            json.put("ticket", new JsonObject()
                    .put("id", row.getLong("ticket_id"))
                    .put("number", number)
                    .put("status", row.getString("ticket_status"))
                    .put("serviceId", row.getString("service_id"))
                    .put("serviceName", service == null ? row.getString("service_id") : service.name())
                    .put("priority", row.getString("priority"))
                    .put("arrivalAt", text(row.getOffsetDateTime("arrival_at")))
                    .put("calledAt", text(row.getOffsetDateTime("called_at")))
                    .put("startedAt", text(row.getOffsetDateTime("started_at"))));
        }
        return json;
    }

    private static String text(OffsetDateTime value) {
        return value == null ? null : value.toInstant().toString();
    }
}
