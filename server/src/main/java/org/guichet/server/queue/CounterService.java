package org.guichet.server.queue;

import org.guichet.server.domain.Ticket;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.Role;
import org.guichet.server.domain.Failure;
import org.guichet.server.realtime.Addresses;
import org.guichet.server.domain.Catalog;
import org.guichet.server.store.CatalogStore;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Opening, pausing and closing counters; each change is appended to counter_event so occupancy can be measured. */
public final class CounterService {

    public static final String COUNTER_CHANGED_ADDRESS = "guichet.internal.counter.changed";

    private static final String SELECT_STATE = """
            SELECT cs.status, cs.agent_id, cs.since, cs.pause_reason, a.display_name
            FROM counter_state cs LEFT JOIN agent a ON a.id = cs.agent_id
            WHERE cs.counter_id = $1""";
    /** $1 counter, $2 site, $3 agent, $4 now, $5 new status, $6 statuses it may change from, $7 event, $8 reason. */
    private static final String CHANGE_STATE = """
            WITH s AS (
                INSERT INTO counter_state (counter_id, status, agent_id, since, pause_reason)
                VALUES ($1, $5, $3, $4, $8)
                ON CONFLICT (counter_id) DO UPDATE
                    SET status = $5, agent_id = CASE WHEN $5 = 'CLOSED' THEN NULL ELSE $3 END, since = $4,
                        pause_reason = $8
                    WHERE counter_state.status = ANY($6)
                RETURNING counter_id
            ), e AS (
                INSERT INTO counter_event (counter_id, site_id, agent_id, kind, at, reason)
                SELECT $1, $2, $3, $7, $4, $8 FROM s
            )
            SELECT count(*) FROM s""";

    private final Pool pool;
    private final CatalogStore catalogs;
    private final QueueService queue;
    private final Clock clock;
    private final io.vertx.core.eventbus.EventBus eventBus;

    public CounterService(Pool pool, CatalogStore catalogs, QueueService queue, Clock clock,
                          io.vertx.core.eventbus.EventBus eventBus) {
        this.pool = pool;
        this.catalogs = catalogs;
        this.queue = queue;
        this.clock = clock;
        this.eventBus = eventBus;
    }

    public Future<JsonObject> open(String counterId, Principal principal) {
        Catalog.Counter counter = catalogs.get().counter(counterId);
        principal.requireAgent(Role.AGENT, counter.siteId());
        return state(counterId).compose(state -> {
            if (!"CLOSED".equals(state.getString("status"))) {
                if (principal.agentId().equals(state.getLong("agentId"))) {
                    return Future.succeededFuture(state);
                }
                throw Failure.conflict("counter_taken", counter.name() + " is already open by "
                        + state.getString("agentName") + ".");
            }
            return change(counter, principal, "OPEN", new String[]{"CLOSED"}, "OPEN", null);
        });
    }

    public Future<JsonObject> close(String counterId, Principal principal) {
        return changeHeld(counterId, principal, "CLOSED", new String[]{"OPEN", "PAUSED"}, "CLOSE", null);
    }

    public Future<JsonObject> pause(String counterId, String reason, Principal principal) {
        return changeHeld(counterId, principal, "PAUSED", new String[]{"OPEN"}, "PAUSE", reason);
    }

    public Future<JsonObject> resume(String counterId, Principal principal) {
        return changeHeld(counterId, principal, "OPEN", new String[]{"PAUSED"}, "RESUME", null);
    }

    private Future<JsonObject> changeHeld(String counterId, Principal principal, String status, String[] from,
                                          String event, String reason) {
        Catalog.Counter counter = catalogs.get().counter(counterId);
        principal.requireAgent(Role.AGENT, counter.siteId());
        return state(counterId).compose(state -> {
            Long holder = state.getLong("agentId");
            if (holder != null && !holder.equals(principal.agentId()) && !principal.role().atLeast(Role.SUPERVISOR)) {
                throw Failure.conflict("counter_taken", counter.name() + " is open by another agent.");
            }
            if (!java.util.List.of(from).contains(state.getString("status"))) {
                throw Failure.conflict("illegal_counter_transition", counter.name() + " is "
                        + state.getString("status").toLowerCase() + "; it cannot be " + event.toLowerCase()
                        + "d now.");
            }
            if (state.getValue("currentTicket") != null) {
                throw Failure.conflict("counter_busy", "Finish, transfer or requeue ticket "
                        + state.getJsonObject("currentTicket").getString("number") + " first.");
            }
            Principal actor = holder == null ? principal
                    : Principal.agent(holder, null, Role.AGENT, java.util.Set.of(counter.siteId()));
            return change(counter, actor, status, from, event, reason);
        });
    }

    private Future<JsonObject> change(Catalog.Counter counter, Principal actor, String status, String[] from,
                                      String event, String reason) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        Tuple params = Tuple.of(counter.id(), counter.siteId(), actor.agentId(), now, status, from, event)
                .addValue(reason);
        return pool.preparedQuery(CHANGE_STATE).execute(params)
                .recover(failure -> Future.failedFuture(QueueService.isUniqueViolation(failure,
                        "counter_state_one_counter_per_agent")
                        ? Failure.conflict("agent_has_counter",
                        "You already have another counter open; close it first.")
                        : failure))
                .compose(rows -> {
                    if (rows.iterator().next().getLong(0) == 0) {
                        throw Failure.conflict("illegal_counter_transition",
                                counter.name() + " changed meanwhile; reload and try again.");
                    }
                    return state(counter.id());
                })
                .onSuccess(state -> {
                    eventBus.publish(COUNTER_CHANGED_ADDRESS, state);
                    eventBus.publish(Addresses.counter(counter.id()), new JsonObject().put("type", "state")
                            .put("at", now.toInstant().toString()).put("counter", state));
                });
    }

    /** The counter as its tablet and its counter-top screen show it. */
    public Future<JsonObject> state(String counterId) {
        Catalog catalog = catalogs.get();
        Catalog.Counter counter = catalog.counter(counterId);
        JsonArray services = new JsonArray();
        counter.serviceIds().forEach(id -> {
            Catalog.Service service = catalog.services().get(id);
            services.add(new JsonObject().put("id", id).put("name", service == null ? id : service.name())
                    .put("prefix", service == null ? null : service.prefix()));
        });
        JsonObject json = new JsonObject()
                .put("id", counter.id())
                .put("name", counter.name())
                .put("siteId", counter.siteId())
                .put("roomId", counter.roomId())
                .put("services", services);
        return pool.preparedQuery(SELECT_STATE).execute(Tuple.of(counterId))
                .compose(rows -> {
                    Row row = rows.size() == 0 ? null : rows.iterator().next();
                    json.put("status", row == null ? "CLOSED" : row.getString("status"))
                            .put("agentId", row == null ? null : row.getLong("agent_id"))
                            .put("agentName", row == null ? null : row.getString("display_name"))
                            .put("since", row == null ? null : row.getOffsetDateTime("since").toInstant().toString())
                            .put("pauseReason", row == null ? null : row.getString("pause_reason"));
                    return queue.activeAt(counterId);
                })
                .map((Optional<Ticket> active) -> json.put("currentTicket", active.map(ticket -> ticket.toJson(
                        catalog.service(ticket.serviceId()).name(), counter.name(), false)).orElse(null)));
    }
}
