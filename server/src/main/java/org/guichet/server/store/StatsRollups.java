package org.guichet.server.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Recomputes the rollup rows of every (site, day) marked dirty, and the month rows containing them, from ticket_fact.
 * Rows are replaced, never incremented, so a rollup is always what the facts say. One instance at a time rebuilds
 * (advisory lock); it removes exactly the marks it read, so a fact committed while it rebuilds keeps its own mark.
 */
public final class StatsRollups {

    private static final String TRY_LOCK = "SELECT pg_try_advisory_xact_lock(hashtext('guichet.stats_rollup'))";
    /**
     * Dirty pairs whose newest mark is at least $2 seconds old, on the database's clock as the marks are (0: every
     * pair, even one marked by a transaction that started after this one).
     */
    private static final String SELECT_DIRTY = "SELECT site_id, local_day, array_agg(id) AS marks FROM stats_dirty_log"
            + " GROUP BY site_id, local_day"
            + " HAVING $2::float8 = 0 OR max(marked_at) <= now() - make_interval(secs => $2::float8)"
            + " ORDER BY local_day, site_id LIMIT $1";
    private static final String DIRTY = "unnest($1::text[], $2::date[]) AS dirty(site_id, day)";
    private static final String DELETE_DAYS = "DELETE FROM stats_rollup r USING " + DIRTY
            + " WHERE r.grain = 'D' AND r.site_id = dirty.site_id AND r.period_start = dirty.day";
    private static final String INSERT_DAYS = "INSERT INTO stats_rollup (grain, site_id, period_start, "
            + RollupColumns.NAMES + ")\n"
            + "SELECT 'D', f.site_id, f.local_day, " + RollupColumns.factAggregates() + "\n"
            + "FROM (SELECT x.*, " + RollupColumns.BUCKETS + "\n"
            + "      FROM ticket_fact x JOIN " + DIRTY + " ON x.site_id = dirty.site_id AND x.local_day = dirty.day) f\n"
            + "GROUP BY f.site_id, f.local_day";
    private static final String MONTHS = "(SELECT DISTINCT dirty.site_id, date_trunc('month', dirty.day::timestamp)::date"
            + " AS month FROM " + DIRTY + ") m";
    private static final String DELETE_MONTHS = "DELETE FROM stats_rollup r USING " + MONTHS
            + " WHERE r.grain = 'M' AND r.site_id = m.site_id AND r.period_start = m.month";
    private static final String INSERT_MONTHS = "INSERT INTO stats_rollup (grain, site_id, period_start, "
            + RollupColumns.NAMES + ")\n"
            + "SELECT 'M', r.site_id, m.month, " + RollupColumns.aggregates("r") + "\n"
            + "FROM stats_rollup r JOIN " + MONTHS + " ON r.site_id = m.site_id\n"
            + "WHERE r.grain = 'D' AND r.period_start >= m.month AND r.period_start < (m.month + interval '1 month')::date\n"
            + "GROUP BY r.site_id, m.month";
    private static final String DELETE_MARKS = "DELETE FROM stats_dirty_log WHERE id = ANY($1)";

    /** Dirty (site, day) pairs taken per transaction by the periodic job. */
    public static final int DEFAULT_BATCH = 2000;
    /**
     * How long a (site, day) must have received no new fact before the periodic job rebuilds it: a site's busy day is
     * rebuilt when it goes quiet (at the latest, after closing), not every time the job runs.
     */
    public static final Duration QUIET_BEFORE_REBUILD = Duration.ofMinutes(5);

    private final Pool pool;

    public StatsRollups(Pool pool) {
        this.pool = pool;
    }

    /**
     * Rebuilds up to {@code batch} dirty (site, day) pairs that received no fact for {@code quiet}; answers how many
     * were rebuilt (0 if another instance is).
     */
    public Future<Integer> rebuildDirty(int batch, Duration quiet) {
        return pool.withTransaction(conn -> conn.query(TRY_LOCK).execute().compose(locked -> {
            if (!locked.iterator().next().getBoolean(0)) {
                return Future.succeededFuture(0);
            }
            return conn.preparedQuery(SELECT_DIRTY).execute(Tuple.of(batch, quiet.toMillis() / 1000.0))
                    .compose(rows -> rebuild(conn, rows));
        }));
    }

    /** Rebuilds every dirty pair, however recent, batch after batch; answers the total. */
    public Future<Integer> rebuildAllDirty() {
        return rebuildAllDirty(DEFAULT_BATCH, 0);
    }

    public Future<Integer> rebuildAllDirty(int batch, int doneSoFar) {
        return rebuildDirty(batch, Duration.ZERO).compose(done -> done < batch
                ? Future.succeededFuture(doneSoFar + done)
                : rebuildAllDirty(batch, doneSoFar + done));
    }

    private Future<Integer> rebuild(SqlConnection conn, Iterable<Row> rows) {
        List<String> sites = new ArrayList<>();
        List<LocalDate> days = new ArrayList<>();
        List<Long> marks = new ArrayList<>();
        for (Row row : rows) {
            sites.add(row.getString("site_id"));
            days.add(row.getLocalDate("local_day"));
            marks.addAll(java.util.Arrays.asList(row.getArrayOfLongs("marks")));
        }
        if (sites.isEmpty()) {
            return Future.succeededFuture(0);
        }
        // Tuple.of(a, b) would spread an array given last, as varargs: add each array as one value.
        Tuple pairs = Tuple.tuple().addValue(sites.toArray(String[]::new)).addValue(days.toArray(LocalDate[]::new));
        return conn.preparedQuery(DELETE_DAYS).execute(pairs)
                .compose(done -> conn.preparedQuery(INSERT_DAYS).execute(pairs))
                .compose(done -> conn.preparedQuery(DELETE_MONTHS).execute(pairs))
                .compose(done -> conn.preparedQuery(INSERT_MONTHS).execute(pairs))
                .compose(done -> conn.preparedQuery(DELETE_MARKS)
                        .execute(Tuple.tuple().addValue(marks.toArray(Long[]::new))))
                .map(done -> sites.size());
    }
}
