package org.guichet.server.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Erases, pseudonymises and deletes what the retention periods say has been kept long enough (see docs/privacy.md).
 * Each statement does one bounded batch in its own transaction, and only for the server holding the retention
 * advisory lock, so that one server of a cluster does it and no batch ever holds a long transaction. Every statement
 * answers how many rows it changed in its main table; 0 also when another server holds the lock.
 */
public final class RetentionStore {

    static final String TRY_LOCK = "SELECT pg_try_advisory_xact_lock(hashtext('guichet.retention'))";

    /** Notes and outcomes of tickets ended (or, never ended, issued) before $1. */
    static final String ERASE_TICKET_FREE_TEXT = """
            UPDATE ticket SET note = NULL, outcome = NULL
            WHERE id IN (SELECT id FROM ticket
                         WHERE (note IS NOT NULL OR outcome IS NOT NULL) AND coalesce(ended_at, issued_at) < $1
                         ORDER BY coalesce(ended_at, issued_at) LIMIT $2)""";
    /** The same words as copied into events (a transfer's note, a finish's outcome). */
    static final String ERASE_EVENT_FREE_TEXT = """
            UPDATE ticket_event SET data = data - 'note' - 'outcome'
            WHERE (ticket_id, id) IN (SELECT ticket_id, id FROM ticket_event
                                      WHERE (data ? 'note' OR data ? 'outcome') AND at < $1
                                      ORDER BY at LIMIT $2)""";
    /** What visitors wrote with their satisfaction answers before $1 (the answer and its score stay). */
    static final String ERASE_SATISFACTION_COMMENTS = """
            UPDATE satisfaction SET comment = NULL
            WHERE ticket_id IN (SELECT ticket_id FROM satisfaction WHERE comment IS NOT NULL AND answered_at < $1
                                ORDER BY answered_at LIMIT $2)""";
    /** The reasons agents typed for their pauses before $1 (free text too: "rendez-vous médical"). */
    static final String ERASE_PAUSE_REASONS = """
            UPDATE counter_event SET reason = NULL
            WHERE id IN (SELECT id FROM counter_event WHERE reason IS NOT NULL AND at < $1 ORDER BY at LIMIT $2)""";
    /**
     * Tickets issued before $1 lose what links them to a person: the visitor's status link (the token of the QR
     * code), the kiosk's request key, the agent; so do their events and their statistics facts. The notes and
     * outcomes are erased too, whatever their own period. An empty status token marks a pseudonymised ticket (in
     * {@code ticket} and in {@code ticket_key}, where the lookups find it).
     */
    static final String PSEUDONYMISE_TICKETS = """
            WITH batch AS (
                SELECT ticket_id AS id FROM ticket_key
                WHERE status_token <> '' AND issued_at < $1 ORDER BY issued_at LIMIT $2
            ), keys AS (
                UPDATE ticket_key SET status_token = '', idempotency_key = NULL WHERE ticket_id IN (SELECT id FROM batch)
            ), events AS (
                UPDATE ticket_event SET agent_id = NULL, data = data - 'note' - 'outcome'
                WHERE ticket_id IN (SELECT id FROM batch) AND (agent_id IS NOT NULL OR data ? 'note' OR data ? 'outcome')
            ), facts AS (
                UPDATE ticket_fact SET agent_id = NULL
                WHERE ticket_id IN (SELECT id FROM batch) AND agent_id IS NOT NULL
            )
            UPDATE ticket SET status_token = '', idempotency_key = NULL, agent_id = NULL, note = NULL, outcome = NULL
            WHERE id IN (SELECT id FROM batch)""";
    /** Who opened, paused and closed counters before $1. */
    static final String PSEUDONYMISE_COUNTER_EVENTS = """
            UPDATE counter_event SET agent_id = NULL, acted_by = NULL
            WHERE id IN (SELECT id FROM counter_event WHERE (agent_id IS NOT NULL OR acted_by IS NOT NULL) AND at < $1
                         ORDER BY id LIMIT $2)""";
    /**
     * Ended tickets of service days before $1, with their events and facts, once the statistics rollups hold them:
     * never while a (site, day) up to that day still waits for its rollup to be rebuilt. Newest first, so that a
     * transferred ticket's successor (a higher id, the same service day) always goes with or before it. A ticket
     * never ended (left waiting at closing) is kept, pseudonymised, with what it was transferred from: the statistics
     * count it, live, as still in progress, and no rollup holds it.
     */
    static final String DELETE_TICKETS = """
            WITH batch AS (
                SELECT id FROM ticket t
                WHERE service_day < $1 AND issued_at < ($1::date + 2)::timestamptz AND ended_at IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM ticket s WHERE s.transferred_from = t.id AND s.ended_at IS NULL)
                  AND NOT EXISTS (SELECT 1 FROM stats_dirty_log WHERE local_day <= $1::date + 1)
                ORDER BY id DESC LIMIT $2
            ), events AS (
                DELETE FROM ticket_event WHERE ticket_id IN (SELECT id FROM batch)
            ), facts AS (
                DELETE FROM ticket_fact WHERE ticket_id IN (SELECT id FROM batch)
            )
            DELETE FROM ticket WHERE id IN (SELECT id FROM batch)""";
    /** Counter openings and pauses before $1 (the occupancy statistics of those days go with them). */
    static final String DELETE_COUNTER_EVENTS = """
            DELETE FROM counter_event
            WHERE id IN (SELECT id FROM counter_event WHERE at < $1 ORDER BY id LIMIT $2)""";
    /** Waiting counts and number sequences of days before $1: nothing personal, but nothing reads them any more. */
    static final String DELETE_QUEUE_LENGTHS = """
            DELETE FROM queue_length
            WHERE (site_id, service_id, service_day) IN (SELECT site_id, service_id, service_day FROM queue_length
                                                          WHERE service_day < $1 LIMIT $2)""";
    /** Sessions expired before $1: they no longer open anything, the table need not remember them. */
    static final String DELETE_EXPIRED_SESSIONS = """
            DELETE FROM agent_session
            WHERE token_hash IN (SELECT token_hash FROM agent_session WHERE expires_at < $1 LIMIT $2)""";

    private final Pool pool;

    public RetentionStore(Pool pool) {
        this.pool = pool;
    }

    public Future<Integer> eraseTicketFreeText(Instant before, int batch) {
        return run(ERASE_TICKET_FREE_TEXT, Tuple.of(Sql.utc(before), batch));
    }

    public Future<Integer> eraseEventFreeText(Instant before, int batch) {
        return run(ERASE_EVENT_FREE_TEXT, Tuple.of(Sql.utc(before), batch));
    }

    public Future<Integer> eraseSatisfactionComments(Instant before, int batch) {
        return run(ERASE_SATISFACTION_COMMENTS, Tuple.of(Sql.utc(before), batch));
    }

    public Future<Integer> erasePauseReasons(Instant before, int batch) {
        return run(ERASE_PAUSE_REASONS, Tuple.of(Sql.utc(before), batch));
    }

    public Future<Integer> pseudonymiseTickets(Instant issuedBefore, int batch) {
        return run(PSEUDONYMISE_TICKETS, Tuple.of(Sql.utc(issuedBefore), batch));
    }

    public Future<Integer> pseudonymiseCounterEvents(Instant before, int batch) {
        return run(PSEUDONYMISE_COUNTER_EVENTS, Tuple.of(Sql.utc(before), batch));
    }

    public Future<Integer> deleteTickets(LocalDate beforeDay, int batch) {
        return run(DELETE_TICKETS, Tuple.of(beforeDay, batch));
    }

    public Future<Integer> deleteCounterEvents(Instant before, int batch) {
        return run(DELETE_COUNTER_EVENTS, Tuple.of(Sql.utc(before), batch));
    }

    public Future<Integer> deleteQueueLengths(LocalDate beforeDay, int batch) {
        return run(DELETE_QUEUE_LENGTHS, Tuple.of(beforeDay, batch));
    }

    public Future<Integer> deleteExpiredSessions(Instant before, int batch) {
        return run(DELETE_EXPIRED_SESSIONS, Tuple.of(Sql.utc(before), batch));
    }

    private Future<Integer> run(String statement, Tuple params) {
        return pool.withTransaction(conn -> conn.query(TRY_LOCK).execute().compose(locked -> {
            if (!locked.iterator().next().getBoolean(0)) {
                return Future.succeededFuture(0);
            }
            return conn.preparedQuery(statement).execute(params).map(rows -> rows.rowCount());
        }));
    }
}
