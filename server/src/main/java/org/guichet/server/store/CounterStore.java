package org.guichet.server.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.guichet.server.domain.Failure;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Counters' states (open, paused, closed, by whom, since when), each change appended to counter_event. */
public final class CounterStore {

    static final String SELECT_STATES = """
            SELECT cs.counter_id, cs.status, cs.agent_id, cs.since, cs.pause_reason, a.display_name
            FROM counter_state cs LEFT JOIN agent a ON a.id = cs.agent_id
            WHERE cs.counter_id = ANY($1)""";
    /** $1 counter, $2 site, $3 agent, $4 now, $5 new status, $6 statuses it may change from, $7 event, $8 reason. */
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
                INSERT INTO counter_event (counter_id, site_id, agent_id, kind, at, reason)
                SELECT $1, $2, $3, $7, $4, $8 FROM s
            )
            SELECT count(*) FROM s""";

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
    public Future<Boolean> change(String counterId, String siteId, Long agentId, Instant now, Change change) {
        Tuple params = Tuple.of(counterId, siteId, agentId, Sql.utc(now), change.status(), change.from(),
                change.event()).addValue(change.reason());
        return pool.preparedQuery(CHANGE_STATE).execute(params)
                .recover(failure -> Sql.isUniqueViolation(failure, "counter_state_one_counter_per_agent")
                        ? Future.failedFuture(Failure.conflict("agent_has_counter",
                        "You already have another counter open; close it first."))
                        : Sql.refused(failure))
                .map(rows -> rows.iterator().next().getLong(0) > 0);
    }

    private static StateRow stateRow(Row row) {
        return new StateRow(row.getString("counter_id"), row.getString("status"), row.getLong("agent_id"),
                row.getString("display_name"), Sql.instant(row, "since"), row.getString("pause_reason"));
    }
}
