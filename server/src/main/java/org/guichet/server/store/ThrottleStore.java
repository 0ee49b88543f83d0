package org.guichet.server.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Failed log-ins counted per key (an account or a client address) in the database, so that every node sees the same
 * counts and the same locks.
 */
public final class ThrottleStore {

    /** $1 the keys; $2 now: those locked beyond now, with until when. */
    static final String SELECT_LOCKED =
            "SELECT key, locked_until FROM login_throttle WHERE key = ANY($1) AND locked_until > $2";
    /** $1 key, $2 now, $3 failures at or before this are forgotten: the failures counted with this one. */
    static final String COUNT_FAILURE = """
            INSERT INTO login_throttle AS t (key, failures, last_failure) VALUES ($1, 1, $2)
            ON CONFLICT (key) DO UPDATE
            SET failures = CASE WHEN t.last_failure <= $3 THEN 1 ELSE t.failures + 1 END, last_failure = $2
            RETURNING failures""";
    /** $1 key, $2 until: never shortens a lock already there. */
    static final String LOCK = """
            UPDATE login_throttle SET locked_until = greatest(coalesce(locked_until, $2), $2) WHERE key = $1""";
    static final String FORGET = "DELETE FROM login_throttle WHERE key = $1";
    /** $1 before: rows whose last failure and lock are both older. */
    static final String PURGE = """
            DELETE FROM login_throttle WHERE last_failure < $1 AND (locked_until IS NULL OR locked_until < $1)""";

    private final Pool pool;

    public ThrottleStore(Pool pool) {
        this.pool = pool;
    }

    /** The keys among these that are locked beyond {@code now}, with the end of their lock. */
    public Future<Map<String, Instant>> locked(List<String> keys, Instant now) {
        return pool.preparedQuery(SELECT_LOCKED).execute(Tuple.of(keys.toArray(String[]::new), Sql.utc(now)))
                .map(rows -> {
                    Map<String, Instant> locked = new HashMap<>();
                    for (Row row : rows) {
                        locked.put(row.getString("key"), Sql.instant(row, "locked_until"));
                    }
                    return locked;
                });
    }

    /** Counts one more failure for the key; answers how many are counted now. */
    public Future<Integer> countFailure(String key, Instant now, Instant forgottenBefore) {
        return pool.preparedQuery(COUNT_FAILURE).execute(Tuple.of(key, Sql.utc(now), Sql.utc(forgottenBefore)))
                .map(rows -> rows.iterator().next().getInteger("failures"));
    }

    public Future<Void> lock(String key, Instant until) {
        return pool.preparedQuery(LOCK).execute(Tuple.of(key, Sql.utc(until))).mapEmpty();
    }

    public Future<Void> forget(String key) {
        return pool.preparedQuery(FORGET).execute(Tuple.of(key)).mapEmpty();
    }

    /** Deletes what no longer counts; answers how many rows. */
    public Future<Integer> purge(Instant before) {
        return pool.preparedQuery(PURGE).execute(Tuple.of(Sql.utc(before))).map(rows -> rows.rowCount());
    }
}
