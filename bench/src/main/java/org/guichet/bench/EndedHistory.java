package org.guichet.bench;

import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ended tickets of earlier days (served, with their ISSUE and CALL events), written into a deployed network and then
 * analysed, as a server that has run for months holds them. The planner then works from statistics in which almost
 * no ticket is open, as it does in production between two automatic analyses of a large ticket table; a benchmark on
 * a fresh database plans every statement from the day's own tickets instead.
 *
 * <p>No FINISH event is written: its trigger would record a fact for every ticket of the history one by one, and the
 * statistics the benchmarks ask for cover the day being played.
 */
final class EndedHistory {

    /**
     * One queue of the deployed network: the history's tickets are spread over these in turn. Each (site, service)
     * appears once: the CALL events find their queue by it.
     */
    record Queue(String siteId, String serviceId, String roomId, String prefix, String counterId) {
    }

    private static final int MINUTES_OF_ARRIVALS = 8 * 60;

    /** True of a ticket row that the history did not write (its tickets' request keys start with "history-"). */
    static final String NOT_FROM_HISTORY = "coalesce(idempotency_key, '') NOT LIKE 'history-%'";

    /**
     * $1..$5 the queues (site, service, room, prefix, counter), $6 how many tickets, $7 how many a day (the newest day
     * is yesterday), $8 seconds between two arrivals of a day (from 08:30).
     */
    private static final String LOAD = """
            WITH q AS (
                SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
                    WITH ORDINALITY AS q(site_id, service_id, room_id, prefix, counter_id, n)
            ), t AS (
                INSERT INTO ticket (site_id, service_id, room_id, prefix, seq, service_day, priority, language, status,
                                    status_token, arrival_at, issued_at, first_called_at, called_at, started_at,
                                    ended_at, idempotency_key)
                SELECT q.site_id, q.service_id, q.room_id, q.prefix, g, day, 'NORMAL', 'fr', 'DONE',
                       md5('history-' || g), at, at, at + interval '12 minutes', at + interval '12 minutes',
                       at + interval '13 minutes', at + interval '25 minutes', 'history-' || g
                FROM generate_series(1, $6) g
                JOIN q ON q.n = 1 + g % cardinality($1::text[])
                CROSS JOIN LATERAL (SELECT current_date - 1 - (g - 1) / $7 AS day) d
                CROSS JOIN LATERAL (
                    SELECT d.day + time '08:30' + make_interval(secs => ((g - 1) % $7) * $8::float8) AS at
                ) a
                RETURNING id, site_id, service_id, issued_at, called_at
            )
            INSERT INTO ticket_event (ticket_id, site_id, service_id, kind, at, counter_id)
            SELECT id, site_id, service_id, 'ISSUE', issued_at, NULL FROM t
            UNION ALL
            SELECT t.id, t.site_id, t.service_id, 'CALL', t.called_at, q.counter_id
            FROM t JOIN q ON q.site_id = t.site_id AND q.service_id = t.service_id""";

    private EndedHistory() {
    }

    /** Writes {@code tickets} ended tickets, {@code perDay} a day back from yesterday, then VACUUM ANALYZE. */
    static void load(Pool pool, List<Queue> queues, int tickets, int perDay, Duration timeout)
            throws TimeoutException {
        Tuple params = Tuple.of(queues.stream().map(Queue::siteId).toArray(String[]::new),
                queues.stream().map(Queue::serviceId).toArray(String[]::new),
                queues.stream().map(Queue::roomId).toArray(String[]::new),
                queues.stream().map(Queue::prefix).toArray(String[]::new),
                queues.stream().map(Queue::counterId).toArray(String[]::new));
        params.addInteger(tickets).addInteger(perDay).addDouble(MINUTES_OF_ARRIVALS * 60.0 / perDay);
        pool.preparedQuery(LOAD).execute(params).await(timeout.toSeconds(), TimeUnit.SECONDS);
        pool.query("VACUUM ANALYZE").execute().await(timeout.toSeconds(), TimeUnit.SECONDS);
    }

    /** How many earlier days {@code tickets} at {@code perDay} cover. */
    static int days(int tickets, int perDay) {
        return (tickets + perDay - 1) / perDay;
    }
}
