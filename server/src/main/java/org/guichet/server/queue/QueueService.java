package org.guichet.server.queue;

import org.guichet.server.domain.CallingOrder;
import org.guichet.server.domain.PriorityClass;
import org.guichet.server.domain.ServiceDay;
import org.guichet.server.domain.Ticket;
import org.guichet.server.domain.TicketAction;
import org.guichet.server.domain.TicketLifecycle;
import org.guichet.server.domain.TicketStatus;
import org.guichet.server.domain.WaitEstimator;
import org.guichet.server.domain.WaitingTicket;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.Role;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.Catalog;
import org.guichet.server.store.CatalogStore;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The queue engine: issues tickets and applies every lifecycle transition, each with its event, atomically. */
public final class QueueService {

    /** Normal tickets read per service when choosing whom to call; see {@link #SELECT_CANDIDATES}. */
    static final int NORMAL_CANDIDATES_PER_SERVICE = 20;
    /** Tickets offered to the lock statement, in calling order; if other counters hold all of them, we read again. */
    static final int LOCK_CANDIDATES = 32;

    /**
     * Whom a counter may call: every priority, appointment and targeted ticket, plus the oldest normal tickets of each
     * of its services. The head of {@link CallingOrder} over all waiting tickets is always among these, because within
     * a service normal tickets only ever compete by arrival.
     */
    static final String SELECT_CANDIDATES = """
            SELECT id, service_id, priority, arrival_at, target_counter_id FROM ticket
            WHERE site_id = $1 AND status = 'WAITING' AND service_day = $5
              AND (service_id = ANY($2) OR target_counter_id = $3)
              AND (priority <> 'NORMAL' OR target_counter_id IS NOT NULL)
            UNION ALL
            SELECT n.id, n.service_id, n.priority, n.arrival_at, n.target_counter_id
            FROM unnest($2::text[]) AS s(service_id)
            CROSS JOIN LATERAL (
                SELECT id, service_id, priority, arrival_at, target_counter_id FROM ticket t
                WHERE t.site_id = $1 AND t.service_id = s.service_id AND t.status = 'WAITING'
                  AND t.service_day = $5 AND t.priority = 'NORMAL' AND t.target_counter_id IS NULL
                ORDER BY t.arrival_at, t.id
                LIMIT $4
            ) AS n""";

    /**
     * Locks the first candidate, in calling order, that no other counter holds and that still waits ($5: every other
     * state, see {@link TicketLifecycle#notAllowedFromNames}), and calls it.
     */
    private static final String CALL_FIRST_UNLOCKED = """
            WITH picked AS (
                SELECT id FROM ticket WHERE id = ANY($1) AND status <> ALL($5)
                ORDER BY array_position($1, id)
                LIMIT 1
                FOR UPDATE SKIP LOCKED
            ), t AS (
                UPDATE ticket SET status = 'CALLED', counter_id = $2, agent_id = $3, called_at = $4,
                                  first_called_at = coalesce(first_called_at, $4)
                FROM picked WHERE ticket.id = picked.id
                RETURNING ticket.*
            ), e AS (
                INSERT INTO ticket_event (ticket_id, site_id, service_id, kind, at, counter_id, agent_id)
                SELECT id, site_id, service_id, 'CALL', $4, $2, $3 FROM t
            )
            SELECT * FROM t""";

    private static final String SELECT_TICKET = "SELECT " + Ticket.COLUMNS + " FROM ticket WHERE id = $1";
    private static final String SELECT_BY_STATUS_TOKEN =
            "SELECT " + Ticket.COLUMNS + " FROM ticket WHERE status_token = $1 ORDER BY id DESC LIMIT 1";
    private static final String SELECT_EVENTS = """
            SELECT id, kind, at, counter_id, agent_id, data FROM ticket_event WHERE ticket_id = $1 ORDER BY id""";
    private static final String SELECT_COUNTER_STATE =
            "SELECT status, agent_id FROM counter_state WHERE counter_id = $1";
    private static final String SELECT_ACTIVE_AT_COUNTER = "SELECT " + Ticket.COLUMNS
            + " FROM ticket WHERE counter_id = $1 AND status IN ('CALLED', 'SERVING')";
    private static final String SELECT_WAITING_FOR_SERVICES = "SELECT " + Ticket.COLUMNS + """
             FROM ticket
            WHERE site_id = $1 AND status = 'WAITING' AND service_day = $4
              AND (service_id = ANY($2) OR target_counter_id = $3)
            ORDER BY arrival_at, id""";
    private static final String INSERT_TRANSFERRED = """
            WITH t AS (
                INSERT INTO ticket (site_id, service_id, room_id, prefix, seq, service_day, priority, language, status,
                                    status_token, arrival_at, issued_at, note, target_counter_id, transferred_from)
                SELECT site_id, $2, $3, prefix, seq, service_day, priority, language, 'WAITING',
                       status_token, arrival_at, $4, $5, $6, id
                FROM ticket WHERE id = $1
                RETURNING *
            ), e AS (
                INSERT INTO ticket_event (ticket_id, site_id, service_id, kind, at, data)
                SELECT id, site_id, service_id, 'TRANSFER_IN', $4,
                       jsonb_build_object('from', transferred_from, 'note', note, 'targetCounterId', target_counter_id)
                FROM t
            )
            SELECT * FROM t""";

    private final Pool pool;
    private final CatalogStore catalogs;
    private final Clock clock;
    private final QueueEvents events;
    private final TicketIssuer issuer;

    public QueueService(Pool pool, CatalogStore catalogs, Clock clock, WaitEstimator estimator, QueueEvents events) {
        this.pool = pool;
        this.catalogs = catalogs;
        this.clock = clock;
        this.events = events;
        this.issuer = new TicketIssuer(pool, catalogs, clock, estimator, events);
    }

    public record IssueRequest(String siteId, String serviceId, PriorityClass priority, String language,
                               String idempotencyKey, String deviceId) {
    }

    /** A freshly issued (or, for a retried key, previously issued) ticket and where its visitor stands. */
    public record Issued(Ticket ticket, int peopleAhead, int estimatedWaitMinutes, boolean replayed) {
    }

    public Future<Issued> issue(IssueRequest request) {
        return issuer.issue(request);
    }

    /** Waiting tickets of the same service and day that arrived before this one. */
    public Future<Integer> peopleAhead(Ticket ticket) {
        return issuer.peopleAhead(ticket);
    }

    /** Calls the next ticket for a counter, or empty when nobody is waiting for it. */
    public Future<Optional<Ticket>> callNext(String counterId, Principal principal) {
        Catalog.Counter counter = catalogs.get().counter(counterId);
        return requireOpenBy(counter, principal).compose(agentId -> callNextAttempt(counter, agentId, 0));
    }

    private Future<Optional<Ticket>> callNextAttempt(Catalog.Counter counter, long agentId, int attempt) {
        Catalog catalog = catalogs.get();
        Catalog.Site site = catalog.site(counter.siteId());
        String[] services = counter.serviceIds().toArray(String[]::new);
        return pool.preparedQuery(SELECT_CANDIDATES)
                .execute(Tuple.of(site.id(), services, counter.id(), NORMAL_CANDIDATES_PER_SERVICE,
                        ServiceDay.of(clock.instant(), site.zone())))
                .compose(rows -> {
                    List<WaitingTicket> waiting = new ArrayList<>();
                    for (Row row : rows) {
                        Catalog.Service service = catalog.services().get(row.getString("service_id"));
                        waiting.add(new WaitingTicket(row.getLong("id"), row.getString("service_id"),
                                PriorityClass.valueOf(row.getString("priority")),
                                row.getOffsetDateTime("arrival_at").toInstant(),
                                service == null ? java.time.Duration.ofMinutes(15) : service.targetWait(),
                                row.getString("target_counter_id")));
                    }
                    Instant now = clock.instant();
                    List<WaitingTicket> ordered = new CallingOrder(site.policy())
                            .order(waiting, counter.id(), counter.serviceIds(), now);
                    if (ordered.isEmpty()) {
                        return Future.succeededFuture(Optional.<Ticket>empty());
                    }
                    // The head of the order is enough: more would only lengthen the lock statement's work.
                    Long[] ids = ordered.stream().limit(LOCK_CANDIDATES).map(WaitingTicket::id).toArray(Long[]::new);
                    return pool.preparedQuery(CALL_FIRST_UNLOCKED)
                            .execute(Tuple.of(ids, counter.id(), agentId, utc(now),
                                    TicketLifecycle.notAllowedFromNames(TicketAction.CALL)))
                            .recover(failure -> Future.failedFuture(counterBusy(failure)))
                            .compose(called -> {
                                if (called.size() > 0) {
                                    Ticket ticket = Ticket.from(called.iterator().next());
                                    events.ticketChanged(ticket, TicketAction.CALL);
                                    return Future.succeededFuture(Optional.of(ticket));
                                }
                                // Every candidate was taken by other counters meanwhile: look again.
                                if (attempt < 20) {
                                    return callNextAttempt(counter, agentId, attempt + 1);
                                }
                                return Future.failedFuture(Failure.conflict("busy",
                                        "Other counters are calling the same tickets; please try again."));
                            });
                });
    }

    /** Calls one given waiting ticket, out of order. */
    public Future<Ticket> callTicket(long ticketId, String counterId, Principal principal) {
        Catalog.Counter counter = catalogs.get().counter(counterId);
        return requireOpenBy(counter, principal).compose(agentId -> load(ticketId).compose(ticket -> {
            if (!ticket.siteId().equals(counter.siteId())) {
                throw Failure.notAllowed("Ticket " + ticket.number() + " belongs to another site.");
            }
            return transition(ticket, TicketAction.CALL, principal,
                    "counter_id = $4, agent_id = $5, called_at = $3, first_called_at = coalesce(first_called_at, $3)",
                    Tuple.of(counter.id(), agentId), counter.id(), agentId, null);
        }));
    }

    public Future<Ticket> recall(long ticketId, Principal principal) {
        return heldTransition(ticketId, TicketAction.RECALL, principal,
                "recall_count = recall_count + 1, called_at = $3", null);
    }

    public Future<Ticket> start(long ticketId, Principal principal) {
        return heldTransition(ticketId, TicketAction.START, principal, "started_at = $3", null);
    }

    public Future<Ticket> finish(long ticketId, String outcome, Principal principal) {
        return heldTransition(ticketId, TicketAction.FINISH, principal, "ended_at = $3, outcome = $4",
                outcome == null ? null : new JsonObject().put("outcome", outcome), outcome);
    }

    public Future<Ticket> noShow(long ticketId, Principal principal) {
        return heldTransition(ticketId, TicketAction.NO_SHOW, principal, "ended_at = $3", null);
    }

    /** Sends a called ticket back to the waiting list at its original place (arrival time unchanged). */
    public Future<Ticket> requeue(long ticketId, Principal principal) {
        return heldTransition(ticketId, TicketAction.REQUEUE, principal, "counter_id = NULL, agent_id = NULL", null);
    }

    public Future<Ticket> cancel(long ticketId, Principal principal) {
        return load(ticketId).compose(ticket -> {
            principal.requireAgent(Role.AGENT, ticket.siteId());
            return transition(ticket, TicketAction.CANCEL, principal, "ended_at = $3", Tuple.tuple(),
                    null, principal.agentId(), null);
        });
    }

    /**
     * Ends a called or served ticket as TRANSFERRED and creates its successor, WAITING in the target service (or for
     * the target counter), with the same number, status link and arrival time, carrying the agent's note.
     */
    public Future<Ticket> transfer(long ticketId, String targetServiceId, String targetCounterId, String note,
                                   Principal principal) {
        Catalog catalog = catalogs.get();
        if ((targetServiceId == null) == (targetCounterId == null)) {
            return Future.failedFuture(Failure.invalid("Give exactly one of serviceId or counterId."));
        }
        return load(ticketId).compose(ticket -> {
            requireHolder(ticket, principal);
            Catalog.Service service;
            String roomId;
            if (targetCounterId != null) {
                Catalog.Counter counter = catalog.counter(targetCounterId);
                if (!counter.siteId().equals(ticket.siteId())) {
                    throw Failure.invalid("Counter '" + targetCounterId + "' is at another site.");
                }
                service = catalog.service(ticket.serviceId());
                roomId = counter.roomId();
            } else {
                service = catalog.service(targetServiceId);
                if (!service.siteId().equals(ticket.siteId()) || !service.issuesTickets()) {
                    throw Failure.invalid("'" + targetServiceId + "' is not a service of this site.");
                }
                roomId = service.roomId();
            }
            requireLegal(ticket, TicketAction.TRANSFER);
            Instant now = clock.instant();
            JsonObject data = new JsonObject().put("toServiceId", service.id()).put("toCounterId", targetCounterId)
                    .put("note", note);
            // The ticket leaves a counter, not a queue: only its successor's queue count changes (by the insert
            // trigger), so a transfer holds one count row, as any single insert does.
            return pool.withTransaction(conn -> applyTransition(conn, ticket, TicketAction.TRANSFER, "ended_at = $3",
                            Tuple.tuple(), ticket.counterId(), principal.agentId(), data, now)
                    .compose(ended -> conn.preparedQuery(INSERT_TRANSFERRED)
                            .execute(Tuple.of(ticket.id(), service.id(), roomId, utc(now), note, targetCounterId))
                            .map(rows -> new Ticket[]{ended, Ticket.from(rows.iterator().next())})))
                    .map(pair -> {
                        events.ticketChanged(pair[0], TicketAction.TRANSFER);
                        events.ticketChanged(pair[1], TicketAction.ISSUE);
                        return pair[1];
                    });
        });
    }

    public Future<Ticket> load(long ticketId) {
        return pool.preparedQuery(SELECT_TICKET).execute(Tuple.of(ticketId)).map(rows -> {
            if (rows.size() == 0) {
                throw Failure.notFound("No ticket " + ticketId + ".");
            }
            return Ticket.from(rows.iterator().next());
        });
    }

    public Future<Optional<Ticket>> byStatusToken(String token) {
        return pool.preparedQuery(SELECT_BY_STATUS_TOKEN).execute(Tuple.of(token))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(Ticket.from(rows.iterator().next())));
    }

    public Future<JsonArray> history(long ticketId) {
        return pool.preparedQuery(SELECT_EVENTS).execute(Tuple.of(ticketId)).map(rows -> {
            JsonArray history = new JsonArray();
            for (Row row : rows) {
                history.add(new JsonObject()
                        .put("kind", row.getString("kind"))
                        .put("at", row.getOffsetDateTime("at").toInstant().toString())
                        .put("counterId", row.getString("counter_id"))
                        .put("agentId", row.getLong("agent_id"))
                        .put("data", row.getValue("data")));
            }
            return history;
        });
    }

    public Future<Optional<Ticket>> activeAt(String counterId) {
        return pool.preparedQuery(SELECT_ACTIVE_AT_COUNTER).execute(Tuple.of(counterId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(Ticket.from(rows.iterator().next())));
    }

    /** The tickets a counter may call, in the order it would call them. */
    public Future<List<Ticket>> waitingFor(String counterId) {
        Catalog catalog = catalogs.get();
        Catalog.Counter counter = catalog.counter(counterId);
        Catalog.Site site = catalog.site(counter.siteId());
        return pool.preparedQuery(SELECT_WAITING_FOR_SERVICES)
                .execute(Tuple.of(site.id(), counter.serviceIds().toArray(String[]::new), counter.id(),
                        ServiceDay.of(clock.instant(), site.zone())))
                .map(rows -> {
                    List<Ticket> tickets = new ArrayList<>();
                    rows.forEach(row -> tickets.add(Ticket.from(row)));
                    List<WaitingTicket> waiting = tickets.stream().map(ticket -> new WaitingTicket(ticket.id(),
                            ticket.serviceId(), ticket.priority(), ticket.arrivalAt(),
                            catalog.service(ticket.serviceId()).targetWait(), ticket.targetCounterId())).toList();
                    List<WaitingTicket> ordered = new CallingOrder(site.policy())
                            .order(waiting, counter.id(), counter.serviceIds(), clock.instant());
                    java.util.Map<Long, Ticket> byId = new java.util.HashMap<>();
                    tickets.forEach(ticket -> byId.put(ticket.id(), ticket));
                    return ordered.stream().map(waitingTicket -> byId.get(waitingTicket.id())).toList();
                });
    }

    private Future<Ticket> heldTransition(long ticketId, TicketAction action, Principal principal, String set,
                                          JsonObject data, Object... extra) {
        return load(ticketId).compose(ticket -> {
            requireHolder(ticket, principal);
            Tuple extras = Tuple.tuple();
            for (Object value : extra) {
                extras.addValue(value);
            }
            return transition(ticket, action, principal, set, extras, ticket.counterId(), principal.agentId(), data);
        });
    }

    private Future<Ticket> transition(Ticket ticket, TicketAction action, Principal principal, String set,
                                      Tuple extra, String counterId, Long agentId, JsonObject data) {
        requireLegal(ticket, action);
        return applyTransition(pool, ticket, action, set, extra, counterId, agentId, data, clock.instant())
                .onSuccess(changed -> events.ticketChanged(changed, action));
    }

    /**
     * One statement: the update only matches while the ticket is still in a state the action is allowed from, and the
     * event is inserted with it. Parameters: $1 id, $2 the states the action is not allowed from, $3 now, then the
     * action's own, then the event's counter, agent and data.
     */
    private Future<Ticket> applyTransition(SqlClient client, Ticket ticket, TicketAction action, String set,
                                           Tuple extra, String counterId, Long agentId, JsonObject data,
                                           Instant now) {
        TicketStatus to = TicketLifecycle.next(ticket.status(), action).orElseThrow();
        int next = 4 + extra.size();
        String sql = "WITH t AS (UPDATE ticket SET status = '" + to.name() + "', " + set
                + " WHERE id = $1 AND status <> ALL($2) RETURNING *), "
                + "e AS (INSERT INTO ticket_event (ticket_id, site_id, service_id, kind, at, counter_id, agent_id, data)"
                + " SELECT id, site_id, service_id, '" + action.name() + "', $3, $" + next + ", $" + (next + 1)
                + ", $" + (next + 2) + " FROM t) SELECT * FROM t";
        Tuple params = Tuple.of(ticket.id(), TicketLifecycle.notAllowedFromNames(action), utc(now));
        for (int i = 0; i < extra.size(); i++) {
            params.addValue(extra.getValue(i));
        }
        params.addValue(counterId).addValue(agentId).addValue(data);
        return client.preparedQuery(sql).execute(params)
                .recover(failure -> Future.failedFuture(counterBusy(failure)))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        // Changed by someone else since we read it.
                        return load(ticket.id()).compose(current -> Future.failedFuture(illegal(current, action)));
                    }
                    return Future.succeededFuture(Ticket.from(rows.iterator().next()));
                });
    }

    private Future<Long> requireOpenBy(Catalog.Counter counter, Principal principal) {
        principal.requireAgent(Role.AGENT, counter.siteId());
        return pool.preparedQuery(SELECT_COUNTER_STATE).execute(Tuple.of(counter.id())).map(rows -> {
            Row row = rows.size() == 0 ? null : rows.iterator().next();
            if (row == null || !"OPEN".equals(row.getString("status"))) {
                String state = row == null ? "closed" : row.getString("status").toLowerCase();
                throw Failure.conflict("counter_not_open", counter.name() + " is " + state
                        + "; open it before calling.");
            }
            if (!principal.agentId().equals(row.getLong("agent_id"))) {
                throw Failure.conflict("counter_taken", counter.name() + " is open by another agent.");
            }
            return principal.agentId();
        });
    }

    /** Called and served tickets belong to the agent holding them; a supervisor of the site may act for them. */
    private static void requireHolder(Ticket ticket, Principal principal) {
        principal.requireAgent(Role.AGENT, ticket.siteId());
        if (ticket.agentId() != null && !ticket.agentId().equals(principal.agentId())
                && !principal.role().atLeast(Role.SUPERVISOR)) {
            throw Failure.notAllowed("Ticket " + ticket.number() + " is held by another agent.");
        }
    }

    private static void requireLegal(Ticket ticket, TicketAction action) {
        if (TicketLifecycle.next(ticket.status(), action).isEmpty()) {
            throw illegal(ticket, action);
        }
    }

    private static Failure illegal(Ticket ticket, TicketAction action) {
        return Failure.conflict("illegal_transition", "Ticket " + ticket.number() + " is "
                + ticket.status().name() + ": '" + action.pathName() + "' is not possible now.");
    }

    private static Throwable counterBusy(Throwable failure) {
        if (isUniqueViolation(failure, "ticket_one_active_per_counter")) {
            return Failure.conflict("counter_busy",
                    "This counter already has a ticket called or in service; finish it first.");
        }
        if (isUniqueViolation(failure, "ticket_one_active_per_agent")) {
            return Failure.conflict("agent_busy",
                    "You already have a ticket called or in service; finish it first.");
        }
        return failure;
    }

    static boolean isUniqueViolation(Throwable failure, String constraint) {
        return failure instanceof PgException pg && "23505".equals(pg.getSqlState())
                && pg.getMessage() != null && pg.getMessage().contains(constraint);
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
