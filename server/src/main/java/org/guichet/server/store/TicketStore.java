package org.guichet.server.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.PriorityClass;
import org.guichet.server.domain.Ticket;
import org.guichet.server.domain.TicketAction;
import org.guichet.server.domain.TicketEvent;
import org.guichet.server.domain.TicketLifecycle;
import org.guichet.server.domain.TicketStatus;
import org.guichet.server.domain.WaitingQueue;
import org.guichet.server.domain.WaitingTicket;
import org.guichet.server.domain.stats.AgentDay;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every statement on tickets and their events. Each lifecycle transition is one statement of its own: the update only
 * matches while the ticket is in a state the action is allowed from, and the event is inserted with it.
 */
public final class TicketStore {

    static final String COLUMNS = """
            id, site_id, service_id, room_id, prefix, seq, service_day, priority, language, status, status_token,
            arrival_at, issued_at, first_called_at, called_at, started_at, ended_at, counter_id, agent_id,
            recall_count, outcome, note, target_counter_id, transferred_from, appointment_at""";

    /**
     * How many elements PostgreSQL assumes an array parameter holds when it plans a statement for any parameters (a
     * generic plan). A counter's services are sent as at least this many (nulls, which match nothing, fill the list):
     * a plan made for the actual values then costs what the generic plan costs, and PostgreSQL keeps the generic
     * plan after its first five executions instead of planning the candidates again on every call-next (measured
     * for a counter of three services: 0.4 to 0.7 ms of planning for 0.1 to 0.2 ms of execution).
     */
    static final int PLANNED_ARRAY_LENGTH = 10;

    /**
     * Whom a counter may call, read with the counter's state ($3 the counter) so that calling the next ticket is two
     * statements, not three: the first row always carries the counter's status and agent (null when never opened), and
     * the candidates follow on the same rows (none: a single row whose ticket columns are null). The candidates are
     * every priority, appointment and targeted ticket, plus the oldest $4 normal tickets of each of its services. How
     * much of the calling order over all waiting tickets these surely give is {@code CallingOrder.certainHead}.
     */
    static final String SELECT_CANDIDATES = """
            SELECT cs.status AS counter_status, cs.agent_id AS counter_agent_id,
                   w.id, w.service_id, w.priority, w.arrival_at, w.target_counter_id, w.appointment_at
            FROM (VALUES (1)) AS one(x)
            LEFT JOIN counter_state cs ON cs.counter_id = $3
            LEFT JOIN LATERAL (
                SELECT id, service_id, priority, arrival_at, target_counter_id, appointment_at FROM ticket
                WHERE site_id = $1 AND status = 'WAITING' AND service_day = $5
                  AND (service_id = ANY($2) OR target_counter_id = $3)
                  AND (priority <> 'NORMAL' OR target_counter_id IS NOT NULL)
                UNION ALL
                SELECT n.id, n.service_id, n.priority, n.arrival_at, n.target_counter_id, n.appointment_at
                FROM unnest($2::text[]) AS s(service_id)
                CROSS JOIN LATERAL (
                    SELECT id, service_id, priority, arrival_at, target_counter_id, appointment_at FROM ticket t
                    WHERE t.site_id = $1 AND t.service_id = s.service_id AND t.status = 'WAITING'
                      AND t.service_day = $5 AND t.priority = 'NORMAL' AND t.target_counter_id IS NULL
                    ORDER BY t.arrival_at, t.id
                    LIMIT $4
                ) AS n
            ) AS w ON true""";

    /**
     * Locks the first candidate, in calling order, that no other counter holds and that still waits ($5: every other
     * state), and calls it.
     */
    static final String CALL_FIRST_UNLOCKED = """
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

    /*
     * The transitions. Parameters, the same for each: $1 ticket, $2 the states the action is NOT allowed from (see
     * TicketLifecycle.notAllowedFromNames: no partial index on a status can then serve the lookup, so the ticket is
     * always found by its primary key), $3 now, $4 and $5 the counter and agent (of the ticket for CALL, of the event
     * otherwise), $6 the event's data. The actions on a held ticket that leave it at its counter follow them.
     */
    static final String CALL = """
            WITH t AS (
                UPDATE ticket SET status = 'CALLED', counter_id = $4, agent_id = $5, called_at = $3,
                                  first_called_at = coalesce(first_called_at, $3)
                WHERE id = $1 AND status <> ALL($2) RETURNING *
            ), e AS (
                INSERT INTO ticket_event (ticket_id, site_id, service_id, kind, at, counter_id, agent_id, data)
                SELECT id, site_id, service_id, 'CALL', $3, $4, $5, $6 FROM t
            )
            SELECT * FROM t""";
    /** Back to the waiting list at its original place: the arrival time is unchanged. */
    static final String REQUEUE = """
            WITH t AS (
                UPDATE ticket SET status = 'WAITING', counter_id = NULL, agent_id = NULL
                WHERE id = $1 AND status <> ALL($2) RETURNING *
            ), e AS (
                INSERT INTO ticket_event (ticket_id, site_id, service_id, kind, at, counter_id, agent_id, data)
                SELECT id, site_id, service_id, 'REQUEUE', $3, $4, $5, $6 FROM t
            )
            SELECT * FROM t""";
    static final String TRANSFER = """
            WITH t AS (
                UPDATE ticket SET status = 'TRANSFERRED', ended_at = $3
                WHERE id = $1 AND status <> ALL($2) RETURNING *
            ), e AS (
                INSERT INTO ticket_event (ticket_id, site_id, service_id, kind, at, counter_id, agent_id, data)
                SELECT id, site_id, service_id, 'TRANSFER', $3, $4, $5, $6 FROM t
            )
            SELECT * FROM t""";
    static final String CANCEL = """
            WITH t AS (
                UPDATE ticket SET status = 'CANCELLED', ended_at = $3
                WHERE id = $1 AND status <> ALL($2) RETURNING *
            ), e AS (
                INSERT INTO ticket_event (ticket_id, site_id, service_id, kind, at, counter_id, agent_id, data)
                SELECT id, site_id, service_id, 'CANCEL', $3, $4, $5, $6 FROM t
            )
            SELECT * FROM t""";

    /** The statement of each transition the agents' actions apply (ISSUE has its own, see {@link #ISSUE_BATCH}). */
    static final Map<TicketAction, String> TRANSITIONS = transitions();

    /*
     * What an agent does to the ticket they hold, without moving it from its counter: the holder's check is in the
     * statement, so the ticket is not read first (one statement and one round trip per action, and no window between
     * the check and the change). Parameters: $1 ticket, $2 the states the action is NOT allowed from, $3 now, $4 the
     * agent acting, $5 the agent who must hold it (null: any, for a supervisor), $6 the sites it must be at (null: any,
     * for an administrator of every site), $7 the event's data; FINISH also takes $8, the outcome, and $9, the
     * services whose tickets may end with the chosen outcome code (null: no code chosen).
     */
    static final String RECALL = heldTransition(TicketAction.RECALL,
            "status = 'CALLED', recall_count = recall_count + 1, called_at = $3");
    static final String START = heldTransition(TicketAction.START, "status = 'SERVING', started_at = $3");
    static final String FINISH = heldTransition(TicketAction.FINISH,
            "status = 'DONE', ended_at = $3, outcome = $8::text", "AND ($9::text[] IS NULL OR service_id = ANY($9))");
    static final String NO_SHOW = heldTransition(TicketAction.NO_SHOW, "status = 'NO_SHOW', ended_at = $3");

    /** The statement of each action on a held ticket that leaves it at its counter. */
    static final Map<TicketAction, String> HELD_TRANSITIONS = Map.of(TicketAction.RECALL, RECALL,
            TicketAction.START, START, TicketAction.FINISH, FINISH, TicketAction.NO_SHOW, NO_SHOW);

    /** A transferred ticket's successor: same number, status link and arrival, waiting in its new service. */
    static final String INSERT_TRANSFERRED = """
            WITH t AS (
                INSERT INTO ticket (site_id, service_id, room_id, prefix, seq, service_day, priority, language, status,
                                    status_token, arrival_at, issued_at, note, target_counter_id, transferred_from,
                                    appointment_at)
                SELECT site_id, $2, $3, prefix, seq, service_day, priority, language, 'WAITING',
                       status_token, arrival_at, $4, $5, $6, id, appointment_at
                FROM ticket WHERE id = $1
                RETURNING *
            ), e AS (
                INSERT INTO ticket_event (ticket_id, site_id, service_id, kind, at, data)
                SELECT id, site_id, service_id, 'TRANSFER_IN', $4,
                       jsonb_build_object('from', transferred_from, 'note', note, 'targetCounterId', target_counter_id)
                FROM t
            )
            SELECT * FROM t""";

    /**
     * Issues a batch in one statement: requests whose idempotency key already has a ticket are left out (the caller
     * replays those); each (site, prefix, day) sequence moves once by the number of its new tickets, taken in key
     * order so that concurrent batches never wait on each other in a cycle, and so does each queue's waiting count
     * (which tells each ticket how many are ahead; the insert trigger leaves tickets that carry it alone); tickets are
     * numbered in the order they were submitted and inserted with their ISSUE events, each arrival raised, if need be,
     * to the latest its sequence has numbered (V32: the queue calls by arrival, the visitor reads numbers). The recent
     * call rate and open counters are read once per service for the wait estimate. A duplicate key inside the batch,
     * or one racing another batch, fails the statement and nothing is consumed.
     */
    static final String ISSUE_BATCH = """
            WITH req AS (
                SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[],
                                     $7::text[], $8::text[], $9::timestamptz[], $10::text[], $11::text[],
                                     $13::timestamptz[])
                    WITH ORDINALITY AS r(site_id, service_id, room_id, prefix, service_day, priority, language,
                                         status_token, arrival_at, device_id, idempotency_key, appointment_at, ord)
            ), fresh AS (
                -- A lateral probe per request, never a scan of all tickets whatever the statistics say.
                SELECT req.* FROM req
                LEFT JOIN LATERAL (
                    SELECT true AS taken FROM ticket_key x
                    WHERE x.site_id = req.site_id AND x.idempotency_key = req.idempotency_key
                    LIMIT 1
                ) AS previous ON true
                WHERE previous.taken IS NULL
            ), seq AS (
                INSERT INTO ticket_sequence AS s (site_id, prefix, service_day, last_value, last_arrival_at)
                SELECT site_id, prefix, service_day, count(*), max(arrival_at) FROM fresh
                GROUP BY site_id, prefix, service_day ORDER BY site_id, prefix, service_day
                ON CONFLICT (site_id, prefix, service_day) DO UPDATE
                SET last_value = s.last_value + excluded.last_value,
                    arrival_floor = s.last_arrival_at,
                    last_arrival_at = greatest(s.last_arrival_at, excluded.last_arrival_at)
                RETURNING site_id, prefix, service_day, last_value, arrival_floor
            ), queued AS (
                -- Read only once every sequence row is taken, so batches lock rows in one global order.
                INSERT INTO queue_length AS q (site_id, service_id, service_day, waiting)
                SELECT site_id, service_id, service_day, count(*) FROM fresh
                WHERE (SELECT count(*) FROM seq) > 0
                GROUP BY site_id, service_id, service_day ORDER BY site_id, service_id, service_day
                ON CONFLICT (site_id, service_id, service_day) DO UPDATE SET waiting = q.waiting + excluded.waiting
                RETURNING site_id, service_id, service_day, waiting
            ), numbered AS (
                SELECT f.*, s.last_value - count(*) OVER same_sequence
                            + row_number() OVER (same_sequence ORDER BY f.ord) AS seq,
                       greatest(s.arrival_floor, max(f.arrival_at) OVER (same_sequence ORDER BY f.ord)) AS arrived,
                       q.waiting - count(*) OVER same_queue + row_number() OVER (same_queue ORDER BY f.ord) - 1
                           AS ahead
                FROM fresh f JOIN seq s USING (site_id, prefix, service_day)
                             JOIN queued q USING (site_id, service_id, service_day)
                WINDOW same_sequence AS (PARTITION BY f.site_id, f.prefix, f.service_day),
                       same_queue AS (PARTITION BY f.site_id, f.service_id, f.service_day)
            ), t AS (
                INSERT INTO ticket (site_id, service_id, room_id, prefix, seq, service_day, priority, language, status,
                                    status_token, arrival_at, issued_at, issuer_device_id, idempotency_key,
                                    ahead_on_arrival, appointment_at)
                SELECT site_id, service_id, room_id, prefix, seq, service_day, priority, language, 'WAITING',
                       status_token, arrived, arrived, device_id, idempotency_key, ahead, appointment_at
                FROM numbered ORDER BY site_id, prefix, service_day, seq -- ids in number order: ties of arrival
                RETURNING *
            ), e AS (
                INSERT INTO ticket_event (ticket_id, site_id, service_id, kind, at, data)
                SELECT id, site_id, service_id, 'ISSUE', issued_at, jsonb_build_object('priority', priority) FROM t
            ), rate AS (
                SELECT q.service_id, %s
                FROM (SELECT DISTINCT service_id FROM fresh) q
            )
            SELECT t.*, rate.recent_calls, rate.counters_serving FROM t JOIN rate USING (service_id)"""
            .formatted(waitRate("q.service_id", "$12"));

    static final String SELECT_BY_IDEMPOTENCY_KEY = "SELECT " + COLUMNS
            + " FROM ticket WHERE id = (SELECT ticket_id FROM ticket_key WHERE site_id = $1 AND idempotency_key = $2)";
    static final String COUNT_WAITING_AHEAD = """
            SELECT count(*) FROM ticket
            WHERE site_id = $1 AND service_id = $2 AND service_day = $5 AND status = 'WAITING'
              AND (arrival_at, id) < ($3, $4)""";
    /** A waiting ticket's place and the wait estimator's inputs for its service (calls since $6), in one read. */
    static final String SELECT_WAITING_POSITION = "SELECT (" + COUNT_WAITING_AHEAD + ") AS ahead, "
            + waitRate("$2", "$6");
    static final String SELECT_TICKET = "SELECT " + COLUMNS + " FROM ticket WHERE id = $1";
    /**
     * A transferred ticket's successor shares the status token: the newest is the visitor's ticket now. An empty
     * token is a pseudonymised ticket's: it finds nothing.
     */
    static final String SELECT_BY_STATUS_TOKEN = "SELECT " + COLUMNS + " FROM ticket WHERE id = "
            + "(SELECT max(ticket_id) FROM ticket_key WHERE status_token = $1 AND status_token <> '')";
    static final String SELECT_EVENTS = """
            SELECT id, kind, at, counter_id, agent_id, data FROM ticket_event WHERE ticket_id = $1 ORDER BY id""";
    static final String SELECT_ACTIVE_AT_COUNTERS = "SELECT " + COLUMNS
            + " FROM ticket WHERE counter_id = ANY($1) AND status IN ('CALLED', 'SERVING')";
    static final String SELECT_APPOINTMENT_NAMES =
            "SELECT ticket_id, name FROM appointment WHERE ticket_id = ANY($1) AND name IS NOT NULL";
    static final String SELECT_WAITING_FOR_SERVICES = "SELECT " + COLUMNS + """
             FROM ticket
            WHERE site_id = $1 AND status = 'WAITING' AND service_day = $4
              AND (service_id = ANY($2) OR target_counter_id = $3)
            ORDER BY arrival_at, id""";
    /** The last calls of a waiting room's day, newest first, for a screen that (re)connects. */
    static final String SELECT_RECENT_CALLS = "SELECT " + COLUMNS + """
             FROM ticket
            WHERE room_id = $1 AND service_day = $2 AND called_at IS NOT NULL
              AND status IN ('CALLED', 'SERVING', 'DONE', 'NO_SHOW', 'TRANSFERRED')
            ORDER BY called_at DESC
            LIMIT $3""";
    /** Every event of the tickets an agent acted on during a period ($3 inclusive to $4 exclusive) at a site. */
    static final String SELECT_EVENTS_OF_AGENT_TICKETS = """
            SELECT e.ticket_id, e.kind, e.at, e.counter_id, e.agent_id
            FROM ticket_event e
            WHERE e.ticket_id IN (SELECT DISTINCT ticket_id FROM ticket_event
                                  WHERE agent_id = $1 AND site_id = $2 AND at >= $3 AND at < $4)
            ORDER BY e.ticket_id, e.id""";
    /** Today's non-empty queues of some sites ($2; null: all) from the kept counts, with the head of each. */
    static final String SELECT_QUEUES = """
            SELECT q.site_id, q.service_id, q.service_day, q.waiting,
                   (SELECT min(t.arrival_at) FROM ticket t
                    WHERE t.site_id = q.site_id AND t.service_id = q.service_id AND t.service_day = q.service_day
                      AND t.status = 'WAITING') AS oldest
            FROM queue_length q
            WHERE q.waiting > 0 AND q.service_day >= $1 AND ($2::text[] IS NULL OR q.site_id = ANY($2::text[]))""";

    /** A ticket to number and insert in a batch. */
    public record NewTicket(String siteId, String serviceId, String roomId, String prefix, LocalDate serviceDay,
                            PriorityClass priority, String language, String statusToken, Instant arrival,
                            String deviceId, String idempotencyKey, Instant appointmentAt) {

        public NewTicket(String siteId, String serviceId, String roomId, String prefix, LocalDate serviceDay,
                         PriorityClass priority, String language, String statusToken, Instant arrival,
                         String deviceId, String idempotencyKey) {
            this(siteId, serviceId, roomId, prefix, serviceDay, priority, language, statusToken, arrival, deviceId,
                    idempotencyKey, null);
        }
    }

    /** An inserted ticket with what the wait estimate needs: people ahead on arrival, recent calls, open counters. */
    public record IssuedRow(Ticket ticket, int aheadOnArrival, int recentCalls, int countersServing) {
    }

    /** A queue's waiting count as kept by the database, with its service day. */
    public record QueueRow(WaitingQueue queue, LocalDate serviceDay) {
    }

    private final Pool pool;

    public TicketStore(Pool pool) {
        this.pool = pool;
    }

    public Future<List<IssuedRow>> issueBatch(List<NewTicket> batch, Instant callWindowStart) {
        int size = batch.size();
        String[] sites = new String[size];
        String[] services = new String[size];
        String[] rooms = new String[size];
        String[] prefixes = new String[size];
        LocalDate[] days = new LocalDate[size];
        String[] priorities = new String[size];
        String[] languages = new String[size];
        String[] statusTokens = new String[size];
        OffsetDateTime[] arrivals = new OffsetDateTime[size];
        String[] devices = new String[size];
        String[] keys = new String[size];
        OffsetDateTime[] appointments = new OffsetDateTime[size];
        for (int i = 0; i < size; i++) {
            NewTicket ticket = batch.get(i);
            sites[i] = ticket.siteId();
            services[i] = ticket.serviceId();
            rooms[i] = ticket.roomId();
            prefixes[i] = ticket.prefix();
            days[i] = ticket.serviceDay();
            priorities[i] = ticket.priority().name();
            languages[i] = ticket.language();
            statusTokens[i] = ticket.statusToken();
            arrivals[i] = Sql.utc(ticket.arrival());
            devices[i] = ticket.deviceId();
            keys[i] = ticket.idempotencyKey();
            appointments[i] = Sql.utc(ticket.appointmentAt());
        }
        Tuple params = Tuple.of(sites, services, rooms, prefixes, days, priorities, languages, statusTokens)
                .addValue(arrivals).addValue(devices).addValue(keys).addValue(Sql.utc(callWindowStart))
                .addValue(appointments);
        return pool.preparedQuery(ISSUE_BATCH).execute(params)
                .recover(failure -> isDuplicateIdempotencyKey(failure) ? Future.failedFuture(failure)
                        : Sql.refused(failure))
                .map(rows -> {
            List<IssuedRow> issued = new ArrayList<>(rows.size());
            for (Row row : rows) {
                issued.add(new IssuedRow(ticket(row), row.getInteger("ahead_on_arrival"),
                        row.getLong("recent_calls").intValue(), row.getLong("counters_serving").intValue()));
            }
            return issued;
        });
    }

    /** The failure is a second ticket for an idempotency key that has one. */
    public static boolean isDuplicateIdempotencyKey(Throwable failure) {
        return Sql.isUniqueViolation(failure, "ticket_key_idempotency");
    }

    public Future<Optional<Ticket>> byIdempotencyKey(String siteId, String key) {
        return pool.preparedQuery(SELECT_BY_IDEMPOTENCY_KEY).execute(Tuple.of(siteId, key)).map(TicketStore::first);
    }

    /** Waiting tickets of the same service and day that arrived before this one; none once it no longer waits. */
    public Future<Integer> peopleAhead(Ticket ticket) {
        if (ticket.status() != TicketStatus.WAITING) {
            return Future.succeededFuture(0);
        }
        return pool.preparedQuery(COUNT_WAITING_AHEAD)
                .execute(Tuple.of(ticket.siteId(), ticket.serviceId(), Sql.utc(ticket.arrivalAt()), ticket.id(),
                        ticket.serviceDay()))
                .map(rows -> rows.iterator().next().getLong(0).intValue());
    }

    /** A counter's stored status and agent (null when it was never opened) and the tickets it may call. */
    public record Candidates(String counterStatus, Long counterAgentId, List<WaitingTicket> waiting) {
    }

    public Future<Candidates> candidates(String siteId, String[] serviceIds, String counterId, LocalDate serviceDay,
                                         int normalPerService, Function<String, Duration> targetWaitOf) {
        String[] services = java.util.Arrays.copyOf(serviceIds, Math.max(serviceIds.length, PLANNED_ARRAY_LENGTH));
        return pool.preparedQuery(SELECT_CANDIDATES)
                .execute(Tuple.of(siteId, services, counterId, normalPerService, serviceDay))
                .map(rows -> {
                    List<WaitingTicket> waiting = new ArrayList<>(rows.size());
                    String status = null;
                    Long agentId = null;
                    for (Row row : rows) {
                        status = row.getString("counter_status");
                        agentId = row.getLong("counter_agent_id");
                        if (row.getValue("id") == null) {
                            continue;
                        }
                        String serviceId = row.getString("service_id");
                        waiting.add(new WaitingTicket(row.getLong("id"), serviceId,
                                PriorityClass.valueOf(row.getString("priority")), Sql.instant(row, "arrival_at"),
                                targetWaitOf.apply(serviceId), row.getString("target_counter_id"),
                                Sql.instant(row, "appointment_at")));
                    }
                    return new Candidates(status, agentId, waiting);
                });
    }

    /** Calls the first of the given tickets, in their order, that still waits and no other counter holds. */
    public Future<Optional<Ticket>> callFirstUnlocked(Long[] ticketIds, String counterId, long agentId, Instant now) {
        return pool.preparedQuery(CALL_FIRST_UNLOCKED)
                .execute(Tuple.of(ticketIds, counterId, agentId, Sql.utc(now),
                        TicketLifecycle.notAllowedFromNames(TicketAction.CALL)))
                .recover(TicketStore::heldElsewhere)
                .map(TicketStore::first);
    }

    /**
     * Applies one transition with its event; empty when the ticket is no longer in a state the action is allowed
     * from (someone else changed it meanwhile).
     *
     * @param counterId for CALL the counter that calls; otherwise the counter recorded on the event
     * @param agentId   for CALL the agent who calls; otherwise the agent recorded on the event
     */
    public Future<Optional<Ticket>> transition(TicketAction action, long ticketId, Instant now, String counterId,
                                               Long agentId, JsonObject eventData) {
        return pool.preparedQuery(TRANSITIONS.get(action))
                .execute(transitionParams(action, ticketId, now, counterId, agentId, eventData))
                .recover(TicketStore::heldElsewhere)
                .map(TicketStore::first);
    }

    /**
     * Applies an action of {@link #HELD_TRANSITIONS} with its event, only if the ticket is in a state the action is
     * allowed from, held by {@code holderId} (null: by anyone) and at one of {@code siteIds} (null: at any site);
     * empty otherwise.
     *
     * @param outcome         FINISH only: what came of the visit, in words
     * @param outcomeServices FINISH only: the services offering the outcome code chosen, or null when none was
     */
    public Future<Optional<Ticket>> heldTransition(TicketAction action, long ticketId, Instant now, long agentId,
                                                   Long holderId, String[] siteIds, JsonObject eventData,
                                                   String outcome, String[] outcomeServices) {
        Tuple params = Tuple.of(ticketId, TicketLifecycle.notAllowedFromNames(action), Sql.utc(now), agentId, holderId,
                siteIds, eventData);
        return pool.preparedQuery(HELD_TRANSITIONS.get(action))
                .execute(action == TicketAction.FINISH ? params.addValue(outcome).addValue(outcomeServices) : params)
                .recover(TicketStore::heldElsewhere)
                .map(TicketStore::first);
    }

    /** Ends a held ticket as TRANSFERRED and inserts its successor, in one transaction; empty if it changed. */
    public Future<Optional<Ticket[]>> transfer(long ticketId, Instant now, String counterId, Long agentId,
                                               JsonObject eventData, String toServiceId, String toRoomId,
                                               String toCounterId, String note) {
        return pool.withTransaction(conn -> conn.preparedQuery(TRANSFER)
                .execute(transitionParams(TicketAction.TRANSFER, ticketId, now, counterId, agentId, eventData))
                .compose(ended -> {
                    if (ended.size() == 0) {
                        return Future.succeededFuture(Optional.<Ticket[]>empty());
                    }
                    return conn.preparedQuery(INSERT_TRANSFERRED)
                            .execute(Tuple.of(ticketId, toServiceId, toRoomId, Sql.utc(now), note, toCounterId))
                            .map(successor -> Optional.of(new Ticket[]{ticket(ended.iterator().next()),
                                    ticket(successor.iterator().next())}));
                })).recover(TicketStore::heldElsewhere);
    }

    private static Tuple transitionParams(TicketAction action, long ticketId, Instant now, String counterId,
                                          Long agentId, JsonObject eventData) {
        return Tuple.of(ticketId, TicketLifecycle.notAllowedFromNames(action), Sql.utc(now), counterId, agentId,
                eventData);
    }

    public Future<Optional<Ticket>> load(long ticketId) {
        return pool.preparedQuery(SELECT_TICKET).execute(Tuple.of(ticketId)).map(TicketStore::first);
    }

    public Future<Optional<Ticket>> byStatusToken(String token) {
        return pool.preparedQuery(SELECT_BY_STATUS_TOKEN).execute(Tuple.of(token)).map(TicketStore::first);
    }

    public Future<List<TicketEvent>> history(long ticketId) {
        return pool.preparedQuery(SELECT_EVENTS).execute(Tuple.of(ticketId)).map(rows -> {
            List<TicketEvent> history = new ArrayList<>(rows.size());
            for (Row row : rows) {
                history.add(new TicketEvent(row.getString("kind"), Sql.instant(row, "at"), row.getString("counter_id"),
                        row.getLong("agent_id"), row.getValue("data") instanceof JsonObject data ? data : null));
            }
            return history;
        });
    }

    /** The tickets called or in service at these counters (at most one each). */
    public Future<List<Ticket>> activeAt(String... counterIds) {
        return pool.preparedQuery(SELECT_ACTIVE_AT_COUNTERS).execute(Tuple.of(counterIds)).map(TicketStore::all);
    }

    /** Today's waiting tickets of these services or sent to this counter, by arrival. */
    /** The names visitors gave with the appointments these tickets were checked in for (agents see them). */
    public Future<Map<Long, String>> appointmentNames(List<Long> ticketIds) {
        if (ticketIds.isEmpty()) {
            return Future.succeededFuture(Map.of());
        }
        return pool.preparedQuery(SELECT_APPOINTMENT_NAMES).execute(Tuple.of(ticketIds.toArray(Long[]::new)))
                .map(rows -> {
                    Map<Long, String> names = new HashMap<>();
                    rows.forEach(row -> names.put(row.getLong("ticket_id"), row.getString("name")));
                    return names;
                });
    }

    public Future<List<Ticket>> waitingFor(String siteId, String[] serviceIds, String counterId, LocalDate day) {
        return pool.preparedQuery(SELECT_WAITING_FOR_SERVICES).execute(Tuple.of(siteId, serviceIds, counterId, day))
                .map(TicketStore::all);
    }

    public Future<List<Ticket>> recentCalls(String roomId, LocalDate day, int limit) {
        return pool.preparedQuery(SELECT_RECENT_CALLS).execute(Tuple.of(roomId, day, limit)).map(TicketStore::all);
    }

    public Future<List<AgentDay.Event>> eventsOfAgentTickets(long agentId, String siteId, Instant from, Instant to) {
        return pool.preparedQuery(SELECT_EVENTS_OF_AGENT_TICKETS)
                .execute(Tuple.of(agentId, siteId, Sql.utc(from), Sql.utc(to)))
                .map(rows -> {
                    List<AgentDay.Event> events = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        events.add(new AgentDay.Event(row.getLong("ticket_id"), row.getString("kind"),
                                Sql.instant(row, "at"), row.getString("counter_id"), row.getLong("agent_id")));
                    }
                    return events;
                });
    }

    /** Non-empty queues of service days from {@code earliest}, of these sites or of all (null). */
    public Future<List<QueueRow>> queues(LocalDate earliest, Collection<String> siteIds) {
        String[] sites = siteIds == null ? null : siteIds.toArray(String[]::new);
        // Tuple.of(a, b) would spread an array given last, as varargs: add it as one value.
        return pool.preparedQuery(SELECT_QUEUES).execute(Tuple.tuple().addValue(earliest).addValue(sites)).map(rows -> {
            List<QueueRow> queues = new ArrayList<>(rows.size());
            for (Row row : rows) {
                if (row.getValue("oldest") == null) {
                    continue;
                }
                queues.add(new QueueRow(new WaitingQueue(row.getString("site_id"), row.getString("service_id"),
                        row.getInteger("waiting"), Sql.instant(row, "oldest")), row.getLocalDate("service_day")));
            }
            return queues;
        });
    }

    /** A counter or an agent already holding a called or served ticket is a conflict the agent can act on. */
    private static <T> Future<T> heldElsewhere(Throwable failure) {
        if (Sql.isUniqueViolation(failure, "ticket_one_active_per_counter")) {
            return Future.failedFuture(Failure.conflict("counter_busy",
                    "This counter already has a ticket called or in service; finish it first."));
        }
        if (Sql.isUniqueViolation(failure, "ticket_one_active_per_agent")) {
            return Future.failedFuture(Failure.conflict("agent_busy",
                    "You already have a ticket called or in service; finish it first."));
        }
        return Sql.refused(failure);
    }

    private static Optional<Ticket> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(ticket(rows.iterator().next()));
    }

    private static List<Ticket> all(RowSet<Row> rows) {
        List<Ticket> tickets = new ArrayList<>(rows.size());
        rows.forEach(row -> tickets.add(ticket(row)));
        return tickets;
    }

    static Ticket ticket(Row row) {
        return new Ticket(row.getLong("id"), row.getString("site_id"), row.getString("service_id"),
                row.getString("room_id"), row.getString("prefix"), row.getInteger("seq"),
                row.getLocalDate("service_day"), PriorityClass.valueOf(row.getString("priority")),
                row.getString("language"), TicketStatus.valueOf(row.getString("status")),
                row.getString("status_token"), Sql.instant(row, "arrival_at"), Sql.instant(row, "issued_at"),
                Sql.instant(row, "first_called_at"), Sql.instant(row, "called_at"), Sql.instant(row, "started_at"),
                Sql.instant(row, "ended_at"), row.getString("counter_id"), row.getLong("agent_id"),
                row.getInteger("recall_count"), row.getString("outcome"), row.getString("note"),
                row.getString("target_counter_id"), row.getLong("transferred_from"),
                Sql.instant(row, "appointment_at"));
    }

    private static String heldTransition(TicketAction action, String set) {
        return heldTransition(action, set, "");
    }

    private static String heldTransition(TicketAction action, String set, String condition) {
        return """
                WITH t AS (
                    UPDATE ticket SET %s
                    WHERE id = $1 AND status <> ALL($2)
                      AND ($5::bigint IS NULL OR agent_id = $5) AND ($6::text[] IS NULL OR site_id = ANY($6)) %s
                    RETURNING *
                ), e AS (
                    INSERT INTO ticket_event (ticket_id, site_id, service_id, kind, at, counter_id, agent_id, data)
                    SELECT id, site_id, service_id, '%s', $3, counter_id, $4, $7 FROM t
                )
                SELECT * FROM t""".formatted(set, condition, action.name());
    }

    private static Map<TicketAction, String> transitions() {
        Map<TicketAction, String> statements = new EnumMap<>(TicketAction.class);
        statements.put(TicketAction.CALL, CALL);
        statements.put(TicketAction.REQUEUE, REQUEUE);
        statements.put(TicketAction.TRANSFER, TRANSFER);
        statements.put(TicketAction.CANCEL, CANCEL);
        return Map.copyOf(statements);
    }

    /**
     * The wait estimator's inputs for a service, as columns {@code recent_calls} and {@code counters_serving}: the
     * same for a ticket being issued and for a visitor's page reading its ticket again.
     */
    private static String waitRate(String serviceId, String since) {
        return """
                (SELECT count(*) FROM ticket_event c
                 WHERE c.service_id = %1$s AND c.kind = 'CALL' AND c.at > %2$s) AS recent_calls,
                (SELECT count(*) FROM counter_state cs JOIN counter_service cv ON cv.counter_id = cs.counter_id
                 WHERE cv.service_id = %1$s AND cs.status = 'OPEN') AS counters_serving""".formatted(serviceId, since);
    }

    /**
     * A waiting ticket's place: who waits before it, and the wait estimator's inputs for its service (its calls
     * since {@code since}, the counters open serving it).
     */
    public record WaitingPosition(int ahead, int recentCalls, int countersServing) {
    }

    public Future<WaitingPosition> waitingPosition(Ticket ticket, Instant since) {
        return pool.preparedQuery(SELECT_WAITING_POSITION)
                .execute(Tuple.of(ticket.siteId(), ticket.serviceId(), Sql.utc(ticket.arrivalAt()), ticket.id(),
                        ticket.serviceDay(), Sql.utc(since)))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new WaitingPosition(row.getLong("ahead").intValue(),
                            row.getLong("recent_calls").intValue(), row.getLong("counters_serving").intValue());
                });
    }
}
