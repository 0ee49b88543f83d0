package org.guichet.server.queue;

import org.guichet.server.domain.ServiceDay;
import org.guichet.server.domain.Ticket;
import org.guichet.server.domain.TicketAction;
import org.guichet.server.domain.TicketStatus;
import org.guichet.server.domain.WaitEstimator;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import org.guichet.server.domain.Tokens;
import org.guichet.server.domain.Failure;
import org.guichet.server.queue.QueueService.IssueRequest;
import org.guichet.server.queue.QueueService.Issued;
import org.guichet.server.domain.Catalog;
import org.guichet.server.store.CatalogStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Issues tickets. Requests that arrive while earlier ones are being written leave together in one statement and one
 * commit (see {@link Batcher}); a batch that fails is retried one ticket at a time, so one bad request never costs
 * another visitor their ticket.
 */
final class TicketIssuer {

    /**
     * One batch writes at a time: concurrent batches would take the same sequence and queue rows and wait on each
     * other's commits anyway (measured: two or four in flight gave lower throughput and a longer tail than one).
     */
    static final int BATCHES_IN_FLIGHT = 1;
    static final int MAX_BATCH = 64;

    /**
     * Issues a batch in one statement: requests whose idempotency key already has a ticket are left out (the caller
     * replays those); each (site, prefix, day) sequence moves once by the number of its new tickets, taken in key
     * order so that concurrent batches never wait on each other in a cycle, and so does each queue's waiting count
     * (which tells each ticket how many are ahead; the insert trigger leaves tickets that carry it alone); tickets are
     * numbered in arrival order and inserted with their ISSUE events. The recent call rate
     * and open counters are read once per service for the wait estimate. A duplicate key inside the batch, or one
     * racing another batch, fails the statement and nothing is consumed.
     */
    private static final String ISSUE_BATCH = """
            WITH req AS (
                SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[],
                                     $7::text[], $8::text[], $9::timestamptz[], $10::text[], $11::text[])
                    WITH ORDINALITY AS r(site_id, service_id, room_id, prefix, service_day, priority, language,
                                         status_token, arrival_at, device_id, idempotency_key, ord)
            ), fresh AS (
                -- A lateral probe per request, never a scan of all tickets whatever the statistics say.
                SELECT req.* FROM req
                LEFT JOIN LATERAL (
                    SELECT true AS taken FROM ticket x
                    WHERE x.site_id = req.site_id AND x.idempotency_key = req.idempotency_key
                    LIMIT 1
                ) AS previous ON true
                WHERE previous.taken IS NULL
            ), seq AS (
                INSERT INTO ticket_sequence AS s (site_id, prefix, service_day, last_value)
                SELECT site_id, prefix, service_day, count(*) FROM fresh
                GROUP BY site_id, prefix, service_day ORDER BY site_id, prefix, service_day
                ON CONFLICT (site_id, prefix, service_day) DO UPDATE SET last_value = s.last_value + excluded.last_value
                RETURNING site_id, prefix, service_day, last_value
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
                       q.waiting - count(*) OVER same_queue + row_number() OVER (same_queue ORDER BY f.ord) - 1
                           AS ahead
                FROM fresh f JOIN seq s USING (site_id, prefix, service_day)
                             JOIN queued q USING (site_id, service_id, service_day)
                WINDOW same_sequence AS (PARTITION BY f.site_id, f.prefix, f.service_day),
                       same_queue AS (PARTITION BY f.site_id, f.service_id, f.service_day)
            ), t AS (
                INSERT INTO ticket (site_id, service_id, room_id, prefix, seq, service_day, priority, language, status,
                                    status_token, arrival_at, issued_at, issuer_device_id, idempotency_key,
                                    ahead_on_arrival)
                SELECT site_id, service_id, room_id, prefix, seq, service_day, priority, language, 'WAITING',
                       status_token, arrival_at, arrival_at, device_id, idempotency_key, ahead
                FROM numbered
                RETURNING *
            ), e AS (
                INSERT INTO ticket_event (ticket_id, site_id, service_id, kind, at, data)
                SELECT id, site_id, service_id, 'ISSUE', issued_at, jsonb_build_object('priority', priority) FROM t
            ), rate AS (
                SELECT q.service_id,
                       (SELECT count(*) FROM ticket_event c
                        WHERE c.service_id = q.service_id AND c.kind = 'CALL' AND c.at > $12) AS recent_calls,
                       (SELECT count(*) FROM counter_state cs JOIN counter_service cv ON cv.counter_id = cs.counter_id
                        WHERE cv.service_id = q.service_id AND cs.status = 'OPEN') AS counters_serving
                FROM (SELECT DISTINCT service_id FROM fresh) q
            )
            SELECT t.*, rate.recent_calls, rate.counters_serving FROM t JOIN rate USING (service_id)""";

    private static final String SELECT_BY_IDEMPOTENCY_KEY =
            "SELECT " + Ticket.COLUMNS + " FROM ticket WHERE site_id = $1 AND idempotency_key = $2";
    private static final String COUNT_WAITING_AHEAD = """
            SELECT count(*) FROM ticket
            WHERE site_id = $1 AND service_id = $2 AND service_day = $5 AND status = 'WAITING'
              AND (arrival_at, id) < ($3, $4)""";

    private final Pool pool;
    private final CatalogStore catalogs;
    private final Clock clock;
    private final WaitEstimator estimator;
    private final QueueEvents events;
    private final Batcher<PendingIssue> batcher = new Batcher<>(BATCHES_IN_FLIGHT, MAX_BATCH, this::write);

    TicketIssuer(Pool pool, CatalogStore catalogs, Clock clock, WaitEstimator estimator, QueueEvents events) {
        this.pool = pool;
        this.catalogs = catalogs;
        this.clock = clock;
        this.estimator = estimator;
        this.events = events;
    }

    /** A request checked against the catalog, waiting for its batch; answered on the context it came from. */
    private record PendingIssue(IssueRequest request, Catalog.Site site, Catalog.Service service, Instant arrival,
                                String statusToken, Promise<Issued> promise, Context context) {

        void settle(Future<Issued> outcome) {
            outcome.onComplete(result -> onContext(context, () -> promise.handle(result)));
        }
    }

    private static void onContext(Context context, Runnable task) {
        if (context == null) {
            task.run();
        } else {
            context.runOnContext(v -> task.run());
        }
    }

    Future<Issued> issue(IssueRequest request) {
        Catalog catalog = catalogs.get();
        Catalog.Service service = catalog.service(request.serviceId());
        Catalog.Site site = catalog.site(service.siteId());
        if (request.siteId() != null && !request.siteId().equals(site.id())) {
            return Future.failedFuture(Failure.invalid(
                    "Service '" + service.id() + "' does not belong to site '" + request.siteId() + "'."));
        }
        if (!service.issuesTickets()) {
            return Future.failedFuture(Failure.conflict("not_a_service", "'" + service.id()
                    + "' is a " + service.kind() + " entry, not a service tickets are issued for."));
        }
        Promise<Issued> promise = Promise.promise();
        batcher.submit(new PendingIssue(request, site, service, clock.instant(), Tokens.newStatusToken(), promise,
                Vertx.currentContext()));
        return promise.future();
    }

    /** Writes one batch; settles every request in it before completing. */
    private Future<Void> write(List<PendingIssue> batch) {
        return insert(batch).transform(inserted -> {
            if (inserted.succeeded()) {
                return settleAll(batch, inserted.result());
            }
            if (batch.size() > 1) {
                // Find the request at fault by writing each alone; the others still get their tickets.
                return Future.join(batch.stream().map(single -> write(List.of(single))).toList()).mapEmpty();
            }
            PendingIssue single = batch.get(0);
            Throwable failure = inserted.cause();
            Future<Issued> outcome = QueueService.isUniqueViolation(failure, "ticket_idempotency_unique")
                    ? replay(single.site().id(), single.request().idempotencyKey()).map(Optional::orElseThrow)
                    : Future.failedFuture(failure);
            single.settle(outcome);
            return outcome.<Void>mapEmpty().otherwiseEmpty();
        });
    }

    private Future<RowSet<Row>> insert(List<PendingIssue> batch) {
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
        for (int i = 0; i < size; i++) {
            PendingIssue pending = batch.get(i);
            sites[i] = pending.site().id();
            services[i] = pending.service().id();
            rooms[i] = pending.service().roomId();
            prefixes[i] = pending.service().prefix();
            days[i] = ServiceDay.of(pending.arrival(), pending.site().zone());
            priorities[i] = pending.request().priority().name();
            languages[i] = pending.request().language();
            statusTokens[i] = pending.statusToken();
            arrivals[i] = QueueService.utc(pending.arrival());
            devices[i] = pending.request().deviceId();
            keys[i] = pending.request().idempotencyKey();
        }
        Instant windowStart = clock.instant().minus(Duration.ofMinutes(estimator.windowMinutes()));
        Tuple params = Tuple.of(sites, services, rooms, prefixes, days, priorities, languages, statusTokens)
                .addValue(arrivals).addValue(devices).addValue(keys).addValue(QueueService.utc(windowStart));
        return pool.preparedQuery(ISSUE_BATCH).execute(params);
    }

    private Future<Void> settleAll(List<PendingIssue> batch, RowSet<Row> rows) {
        Map<String, Row> byToken = new HashMap<>();
        rows.forEach(row -> byToken.put(row.getString("status_token"), row));
        List<Future<Issued>> replays = new ArrayList<>();
        // One hop per event loop rather than one per ticket: the answers of a batch mostly go to the same few loops.
        Map<Context, List<Runnable>> answers = new HashMap<>();
        for (PendingIssue pending : batch) {
            Row row = byToken.get(pending.statusToken());
            if (row == null) {
                // Left out: its idempotency key already has a ticket.
                Future<Issued> replay = replay(pending.site().id(), pending.request().idempotencyKey())
                        .map(Optional::orElseThrow);
                pending.settle(replay);
                replays.add(replay);
                continue;
            }
            Ticket ticket = Ticket.from(row);
            int ahead = row.getInteger("ahead_on_arrival");
            int minutes = estimator.estimateMinutes(ahead, row.getLong("recent_calls").intValue(),
                    row.getLong("counters_serving").intValue());
            events.ticketChanged(ticket, TicketAction.ISSUE);
            Issued issued = new Issued(ticket, ahead, minutes, false);
            answers.computeIfAbsent(pending.context(), context -> new ArrayList<>())
                    .add(() -> pending.promise().complete(issued));
        }
        answers.forEach((context, tasks) -> onContext(context, () -> tasks.forEach(Runnable::run)));
        return Future.join(replays).<Void>mapEmpty().otherwiseEmpty();
    }

    private Future<Optional<Issued>> replay(String siteId, String key) {
        return pool.preparedQuery(SELECT_BY_IDEMPOTENCY_KEY).execute(Tuple.of(siteId, key))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.succeededFuture(Optional.empty());
                    }
                    Ticket ticket = Ticket.from(rows.iterator().next());
                    return peopleAhead(ticket).map(ahead -> Optional.of(new Issued(ticket, ahead,
                            estimator.estimateMinutes(ahead, 0, 1), true)));
                });
    }

    /** Waiting tickets of the same service and day that arrived before this one. */
    Future<Integer> peopleAhead(Ticket ticket) {
        if (ticket.status() != TicketStatus.WAITING) {
            return Future.succeededFuture(0);
        }
        return pool.preparedQuery(COUNT_WAITING_AHEAD)
                .execute(Tuple.of(ticket.siteId(), ticket.serviceId(), QueueService.utc(ticket.arrivalAt()),
                        ticket.id(), ticket.serviceDay()))
                .map(rows -> rows.iterator().next().getLong(0).intValue());
    }
}
