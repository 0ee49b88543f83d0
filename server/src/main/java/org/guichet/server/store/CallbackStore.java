package org.guichet.server.store;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import org.guichet.server.domain.Callback;
import org.guichet.server.domain.CallbackOutcome;
import org.guichet.server.domain.CallbackRules;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.stats.CallbackFigures;
import org.guichet.server.domain.stats.StatsQuery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Call-back requests ({@code callback_request}) and their attempts; numbers go in and out sealed. */
public final class CallbackStore {

    private static final String COLUMNS = """
            r.id, r.site_id, r.service_id, r.status, r.subject, r.language, r.preferred_from, r.preferred_to,
            r.created_at, r.channel, r.not_before, r.attempts, r.holder_agent_id, r.holder_counter,
            r.first_attempt_at, r.closed_at, r.phone_cipher IS NOT NULL AS has_number""";
    private static final String RETURNING = COLUMNS.replace("r.", "");
    static final String NEXT_ID = "SELECT nextval(pg_get_serial_sequence('callback_request', 'id')) AS id";
    static final String INSERT = """
            INSERT INTO callback_request (id, site_id, service_id, phone_cipher, phone_index, subject, language,
                                          preferred_from, preferred_to, created_at, created_by, channel, not_before,
                                          erase_after)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $8, $13)
            RETURNING\s""" + RETURNING;
    /** The open requests of these services (a counter's), the earliest due first, with each service's target. */
    static final String OPEN_FOR_SERVICES = "SELECT " + COLUMNS + """
            , s.callback_target_minutes
            FROM callback_request r JOIN service s ON s.id = r.service_id
            WHERE r.service_id = ANY($1) AND r.status IN ('WAITING', 'CALLING') AND r.erase_after > $3
            ORDER BY r.not_before, r.id LIMIT $2""";
    static final String SELECT_ONE = "SELECT " + COLUMNS + ", s.callback_target_minutes, r.phone_cipher"
            + " FROM callback_request r JOIN service s ON s.id = r.service_id WHERE r.id = $1";
    static final String HELD_AT_COUNTER = "SELECT " + COLUMNS + ", s.callback_target_minutes, r.phone_cipher"
            + " FROM callback_request r JOIN service s ON s.id = r.service_id"
            + " WHERE r.holder_counter = $1 AND r.status = 'CALLING'";
    /**
     * Takes one waiting request due by $5 for the agent $3 at counter $4: the given one ($1), or the earliest due of
     * the services $2; one counter never takes a request another is taking.
     */
    static final String TAKE = """
            UPDATE callback_request r SET status = 'CALLING', holder_agent_id = $3, holder_counter = $4, taken_at = $5
            FROM service s
            WHERE s.id = r.service_id AND r.id = (
                SELECT w.id FROM callback_request w
                WHERE w.status = 'WAITING' AND w.not_before <= $5 AND w.erase_after > $5
                  AND ($1::bigint IS NULL OR w.id = $1) AND w.service_id = ANY($2)
                ORDER BY w.not_before, w.id LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING\s""" + COLUMNS + ", s.callback_target_minutes, r.phone_cipher";
    /**
     * Records the attempt of the agent holding the request and moves it on, in one statement: $2 the new status,
     * $3 when it may be called again (null: unchanged), $4 now; the number is erased unless it waits again. The
     * attempt counts from when the agent took the request (and dialled), not from when they said how it went.
     */
    static final String RECORD_ATTEMPT = """
            WITH held AS (
                SELECT id, taken_at FROM callback_request
                WHERE id = $1 AND status = 'CALLING' AND holder_agent_id = $5 FOR UPDATE),
            moved AS (
                UPDATE callback_request r SET status = $2, attempts = r.attempts + 1,
                       not_before = coalesce($3, r.not_before), holder_agent_id = NULL, holder_counter = NULL,
                       taken_at = NULL, first_attempt_at = coalesce(r.first_attempt_at, held.taken_at),
                       closed_at = CASE WHEN $2 = 'WAITING' THEN NULL ELSE $4 END,
                       phone_cipher = CASE WHEN $2 = 'WAITING' THEN r.phone_cipher END,
                       phone_index = CASE WHEN $2 = 'WAITING' THEN r.phone_index END
                FROM held WHERE r.id = held.id
                RETURNING r.*, held.taken_at AS dialled_at),
            attempt AS (
                INSERT INTO callback_attempt (callback_id, attempt, at, agent_id, counter_id, outcome)
                SELECT id, attempts, dialled_at, $5, $6, $7 FROM moved)
            SELECT\s""" + COLUMNS + " FROM moved r";
    static final String RELEASE = "UPDATE callback_request SET status = 'WAITING', holder_agent_id = NULL,"
            + " holder_counter = NULL, taken_at = NULL WHERE id = $1 AND status = 'CALLING' AND holder_agent_id = $2"
            + " RETURNING id";
    /** Requests held at a counter being closed, or taken before $1 and never said how they went, go back. */
    static final String RELEASE_AT_COUNTER = "UPDATE callback_request SET status = 'WAITING', holder_agent_id = NULL,"
            + " holder_counter = NULL, taken_at = NULL WHERE holder_counter = $1 AND status = 'CALLING'"
            + " RETURNING site_id, service_id";
    static final String RELEASE_STALE = "UPDATE callback_request SET status = 'WAITING', holder_agent_id = NULL,"
            + " holder_counter = NULL, taken_at = NULL WHERE status = 'CALLING' AND taken_at < $1"
            + " RETURNING site_id, service_id";
    /** Erases, a batch at a time, the numbers kept past their date; a request still open then is EXPIRED. */
    static final String ERASE_DUE = """
            UPDATE callback_request SET phone_cipher = NULL, phone_index = NULL, holder_agent_id = NULL,
                   holder_counter = NULL, taken_at = NULL,
                   status = CASE WHEN status IN ('WAITING', 'CALLING') THEN 'EXPIRED' ELSE status END,
                   closed_at = coalesce(closed_at, $1)
            WHERE id IN (SELECT id FROM callback_request WHERE phone_cipher IS NOT NULL AND erase_after <= $1
                         LIMIT $2)
            RETURNING site_id, service_id""";
    /** Who asked and who called, forgotten after the pseudonymisation period, as for tickets. */
    static final String FORGET_AGENTS = """
            UPDATE callback_request SET created_by = NULL
            WHERE id IN (SELECT id FROM callback_request WHERE closed_at < $1 AND created_by IS NOT NULL LIMIT $2)""";
    static final String FORGET_ATTEMPT_AGENTS = """
            UPDATE callback_attempt SET agent_id = NULL
            WHERE (callback_id, attempt) IN (SELECT callback_id, attempt FROM callback_attempt
                                             WHERE at < $1 AND agent_id IS NOT NULL LIMIT $2)""";
    /** Empties the subjects (free text) of requests over before $1. */
    static final String ERASE_SUBJECTS = """
            UPDATE callback_request SET subject = ''
            WHERE id IN (SELECT id FROM callback_request WHERE closed_at < $1 AND subject <> '' LIMIT $2)""";
    static final String DELETE_OLDER = """
            DELETE FROM callback_request WHERE id IN (
                SELECT id FROM callback_request WHERE created_at < $1 AND phone_cipher IS NULL LIMIT $2)""";
    /** Figures per service over the days $2..$3 (local to each site) of the sites $1, at $4; $5 one service. */
    static final String FIGURES = """
            WITH r AS (
                SELECT r.*, s.callback_target_minutes AS target,
                       greatest(r.created_at, r.preferred_from) AS due
                FROM callback_request r JOIN service s ON s.id = r.service_id JOIN site si ON si.id = r.site_id
                WHERE r.site_id = ANY($1) AND (r.created_at AT TIME ZONE si.time_zone)::date BETWEEN $2 AND $3
                  AND ($5::text IS NULL OR r.service_id = $5))
            SELECT r.site_id, r.service_id, r.target, count(*) AS requests,
                   count(*) FILTER (WHERE r.status = 'ANSWERED') AS answered,
                   count(*) FILTER (WHERE r.status = 'WRONG_NUMBER') AS wrong_number,
                   count(*) FILTER (WHERE r.status = 'UNREACHED') AS unreached,
                   count(*) FILTER (WHERE r.status = 'EXPIRED') AS expired,
                   count(*) FILTER (WHERE r.status IN ('WAITING', 'CALLING')) AS open,
                   coalesce(sum(r.attempts), 0) AS attempts,
                   count(r.first_attempt_at) AS attempted,
                   avg(extract(epoch FROM r.first_attempt_at - r.due))::float8 AS mean_delay,
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM r.first_attempt_at - r.due))
                       AS p90_delay,
                   count(*) FILTER (WHERE r.first_attempt_at <= r.due + make_interval(mins => r.target))
                       AS within_target,
                   count(*) FILTER (WHERE r.first_attempt_at IS NULL AND r.taken_at IS NULL AND (r.status = 'EXPIRED'
                                    OR $4 > r.due + make_interval(mins => r.target))) AS overdue
            FROM r GROUP BY r.site_id, r.service_id, r.target ORDER BY r.site_id, r.service_id""";

    /** A request with its service's target (minutes) and, where read for the agent calling back, its sealed number. */
    public record Stored(Callback callback, int targetMinutes, byte[] sealedNumber) {
    }

    private final Pool pool;

    public CallbackStore(Pool pool) {
        this.pool = pool;
    }

    /** A new request's id, drawn before it is stored: its number is sealed for that row alone. */
    public Future<Long> nextId() {
        return pool.preparedQuery(NEXT_ID).execute().map(rows -> rows.iterator().next().getLong("id"));
    }

    /** The request stored; 409 {@code callback_exists} when this number already has one open for the service. */
    public Future<Callback> insert(long id, Callback request, byte[] sealedNumber, byte[] numberIndex, Long createdBy,
                                   Instant eraseAfter) {
        return pool.preparedQuery(INSERT).execute(Tuple.of(id, request.siteId(), request.serviceId(),
                        Buffer.buffer(sealedNumber), Buffer.buffer(numberIndex), request.subject())
                .addValue(request.language()).addValue(Sql.utc(request.preferredFrom()))
                .addValue(Sql.utc(request.preferredTo())).addValue(Sql.utc(request.createdAt())).addValue(createdBy)
                .addValue(request.channel().name()).addValue(Sql.utc(eraseAfter)))
                .map(rows -> callback(rows.iterator().next()))
                .recover(failure -> {
                    if (failure instanceof PgException pg && "23505".equals(pg.getSqlState())) {
                        return Future.failedFuture(Failure.conflict("callback_exists", "A call-back to this number "
                                + "is already waiting for this service."));
                    }
                    return Future.failedFuture(failure);
                });
    }

    public Future<List<Stored>> openFor(List<String> serviceIds, int limit, Instant now) {
        return pool.preparedQuery(OPEN_FOR_SERVICES).execute(Tuple.of(serviceIds.toArray(String[]::new), limit,
                        Sql.utc(now)))
                .map(CallbackStore::stored);
    }

    public Future<Optional<Stored>> one(long id) {
        return pool.preparedQuery(SELECT_ONE).execute(Tuple.of(id)).map(rows -> first(stored(rows)));
    }

    public Future<Optional<Stored>> heldAt(String counterId) {
        return pool.preparedQuery(HELD_AT_COUNTER).execute(Tuple.of(counterId)).map(rows -> first(stored(rows)));
    }

    /** The request taken (the given one, or the earliest due of the services), or empty if none could be. */
    public Future<Optional<Stored>> take(Long id, List<String> serviceIds, long agentId, String counterId,
                                         Instant now) {
        return pool.preparedQuery(TAKE).execute(Tuple.of(id, serviceIds.toArray(String[]::new), agentId, counterId,
                        Sql.utc(now)))
                .map(rows -> first(stored(rows)))
                .recover(failure -> {
                    if (failure instanceof PgException pg && "23505".equals(pg.getSqlState())) {
                        return Future.failedFuture(Failure.conflict("callback_in_progress",
                                "This counter is already calling someone back: record how that call went first."));
                    }
                    return Future.failedFuture(failure);
                });
    }

    /** The request after the attempt, or empty when this agent was not calling it back. */
    public Future<Optional<Callback>> recordAttempt(long id, CallbackOutcome outcome, CallbackRules.Next next,
                                                    long agentId, String counterId, Instant now) {
        return pool.preparedQuery(RECORD_ATTEMPT).execute(Tuple.of(id, next.status().name(),
                        Sql.utc(next.notBefore()), Sql.utc(now), agentId, counterId, outcome.name()))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(callback(rows.iterator().next())));
    }

    public Future<Boolean> release(long id, long agentId) {
        return pool.preparedQuery(RELEASE).execute(Tuple.of(id, agentId)).map(rows -> rows.rowCount() > 0);
    }

    /** The service (site, service) of each request whose number was erased. */
    public Future<List<String[]>> eraseDue(Instant now, int batch) {
        return pool.preparedQuery(ERASE_DUE).execute(Tuple.of(Sql.utc(now), batch)).map(CallbackStore::services);
    }

    public Future<List<String[]>> releaseAtCounter(String counterId) {
        return pool.preparedQuery(RELEASE_AT_COUNTER).execute(Tuple.of(counterId)).map(CallbackStore::services);
    }

    public Future<List<String[]>> releaseTakenBefore(Instant cutoff) {
        return pool.preparedQuery(RELEASE_STALE).execute(Tuple.of(Sql.utc(cutoff))).map(CallbackStore::services);
    }

    public Future<Integer> forgetAgentsBefore(Instant cutoff, int batch) {
        return pool.preparedQuery(FORGET_AGENTS).execute(Tuple.of(Sql.utc(cutoff), batch)).map(RowSet::rowCount)
                .compose(requests -> pool.preparedQuery(FORGET_ATTEMPT_AGENTS)
                        .execute(Tuple.of(Sql.utc(cutoff), batch)).map(rows -> requests + rows.rowCount()));
    }

    private static List<String[]> services(RowSet<Row> rows) {
        List<String[]> services = new ArrayList<>();
        rows.forEach(row -> services.add(new String[] {row.getString("site_id"), row.getString("service_id")}));
        return services;
    }

    public Future<Integer> eraseSubjectsClosedBefore(Instant cutoff, int batch) {
        return pool.preparedQuery(ERASE_SUBJECTS).execute(Tuple.of(Sql.utc(cutoff), batch)).map(RowSet::rowCount);
    }

    public Future<Integer> deleteCreatedBefore(Instant cutoff, int batch) {
        return pool.preparedQuery(DELETE_OLDER).execute(Tuple.of(Sql.utc(cutoff), batch)).map(RowSet::rowCount);
    }

    public Future<List<CallbackFigures>> figures(StatsQuery query, Instant now) {
        return pool.preparedQuery(FIGURES).execute(Tuple.of(query.siteIds().toArray(String[]::new), query.from(),
                        query.to(), Sql.utc(now), query.serviceId()))
                .map(rows -> {
                    List<CallbackFigures> figures = new ArrayList<>();
                    for (Row row : rows) {
                        figures.add(new CallbackFigures(row.getString("site_id"), row.getString("service_id"),
                                row.getInteger("target"), row.getLong("requests"), row.getLong("answered"),
                                row.getLong("wrong_number"), row.getLong("unreached"), row.getLong("expired"),
                                row.getLong("open"), row.getLong("attempts"), row.getLong("attempted"),
                                row.getDouble("mean_delay"), row.getDouble("p90_delay"),
                                row.getLong("within_target"), row.getLong("overdue")));
                    }
                    return figures;
                });
    }

    private static List<Stored> stored(RowSet<Row> rows) {
        List<Stored> list = new ArrayList<>();
        for (Row row : rows) {
            int sealedColumn = row.getColumnIndex("phone_cipher");
            Buffer sealed = sealedColumn < 0 ? null : row.getBuffer(sealedColumn);
            list.add(new Stored(callback(row), row.getInteger("callback_target_minutes"),
                    sealed == null ? null : sealed.getBytes()));
        }
        return list;
    }

    private static <T> Optional<T> first(List<T> list) {
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    private static Callback callback(Row row) {
        return new Callback(row.getLong("id"), row.getString("site_id"), row.getString("service_id"),
                Callback.Status.valueOf(row.getString("status")), row.getString("subject"),
                row.getString("language"), Sql.instant(row, "preferred_from"), Sql.instant(row, "preferred_to"),
                Sql.instant(row, "created_at"), Callback.Channel.valueOf(row.getString("channel")),
                Sql.instant(row, "not_before"), row.getInteger("attempts"), row.getLong("holder_agent_id"),
                row.getString("holder_counter"), Sql.instant(row, "first_attempt_at"),
                Sql.instant(row, "closed_at"), row.getBoolean("has_number"));
    }
}
