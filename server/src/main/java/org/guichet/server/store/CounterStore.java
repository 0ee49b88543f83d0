package org.guichet.server.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.guichet.server.domain.Failure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counters' states (open, paused, closed, by whom, since when), each change appended to counter_event. */
public final class CounterStore {

    static final String SELECT_STATES = """
            SELECT cs.counter_id, cs.status, cs.agent_id, cs.since, cs.pause_reason, a.display_name
            FROM counter_state cs LEFT JOIN agent a ON a.id = cs.agent_id
            WHERE cs.counter_id = ANY($1)""";
    /**
     * $1 counter, $2 site, $3 agent holding it, $4 now, $5 new status, $6 statuses it may change from, $7 event,
     * $8 reason, $9 who made the change (the holder, or a supervisor acting for them).
     */
    static final String CHANGE_STATE = """
            WITH s AS (
                INSERT INTO counter_state (counter_id, status, agent_id, since, pause_reason)
                VALUES ($1, $5, $3, $4, $8)
                ON CONFLICT (counter_id) DO UPDATE
                    SET status = $5, agent_id = CASE WHEN $5 = 'CLOSED' THEN NULL ELSE $3 END, since = $4,
                        pause_reason = $8
                    WHERE counter_state.status = ANY($6)
                RETURNING counter_id
            ), e AS (
                INSERT INTO counter_event (counter_id, site_id, agent_id, kind, at, reason, acted_by)
                SELECT $1, $2, $3, $7, $4, $8, $9 FROM s
            )
            SELECT count(*) FROM s""";

    /**
     * Closes every counter the agent holds open or paused, each with its CLOSE event in the agent's name ($1 agent,
     * $2 now, $3 who closed them): the counter no longer shows them, its history still does.
     */
    static final String CLOSE_HELD_BY = """
            WITH closed AS (
                UPDATE counter_state cs SET status = 'CLOSED', agent_id = NULL, since = $2, pause_reason = NULL
                FROM counter c
                WHERE c.id = cs.counter_id AND cs.agent_id = $1 AND cs.status <> 'CLOSED'
                RETURNING cs.counter_id, c.site_id
            ), e AS (
                INSERT INTO counter_event (counter_id, site_id, agent_id, kind, at, reason, acted_by)
                SELECT counter_id, site_id, $1, 'CLOSE', $2, NULL, $3 FROM closed
            )
            SELECT counter_id FROM closed""";

    /** A counter's stored state; a counter never opened has none. */
    public record StateRow(String counterId, String status, Long agentId, String agentName, Instant since,
                           String pauseReason) {
    }

    /** A state change: the new status, the statuses it may come from, and the event recorded. */
    public record Change(String status, String[] from, String event, String reason) {
    }

    private final Pool pool;

    public CounterStore(Pool pool) {
        this.pool = pool;
    }

    /** The stored states of these counters, by counter id; a counter never opened has none. */
    public Future<Map<String, StateRow>> states(String... counterIds) {
        return pool.preparedQuery(SELECT_STATES).execute(Tuple.of((Object) counterIds)).map(rows -> {
            Map<String, StateRow> states = new HashMap<>();
            rows.forEach(row -> states.put(row.getString("counter_id"), stateRow(row)));
            return states;
        });
    }

    /**
     * Applies a change if the counter is still in one of {@code change.from()}; false when it changed meanwhile.
     * An agent who already holds another open counter is a conflict.
     */
    public Future<Boolean> change(String counterId, String siteId, Long agentId, Long actedBy, Instant now,
                                  Change change) {
        Tuple params = Tuple.of(counterId, siteId, agentId, Sql.utc(now), change.status(), change.from(),
                change.event()).addValue(change.reason()).addValue(actedBy);
        return pool.preparedQuery(CHANGE_STATE).execute(params)
                .recover(failure -> Sql.isUniqueViolation(failure, "counter_state_one_counter_per_agent")
                        ? Future.failedFuture(Failure.conflict("agent_has_counter",
                        "You already have another counter open; close it first."))
                        : Sql.refused(failure))
                .map(rows -> rows.iterator().next().getLong(0) > 0);
    }

    /** Closes the counters the agent holds, in the caller's transaction, as {@code actedBy}; answers their ids. */
    static Future<List<String>> closeHeldBy(SqlClient conn, long agentId, Long actedBy, Instant now) {
        return conn.preparedQuery(CLOSE_HELD_BY).execute(Tuple.of(agentId, Sql.utc(now), actedBy)).map(rows -> {
            List<String> ids = new ArrayList<>();
            rows.forEach(row -> ids.add(row.getString("counter_id")));
            return ids;
        });
    }

    private static StateRow stateRow(Row row) {
        return new StateRow(row.getString("counter_id"), row.getString("status"), row.getLong("agent_id"),
                row.getString("display_name"), Sql.instant(row, "since"), row.getString("pause_reason"));
    }
}
