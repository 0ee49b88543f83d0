package org.guichet.server.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import org.guichet.server.domain.stats.StatsQuery;

/** EXPLAIN ANALYZE of the statement a statistics query runs: for the statistics benchmark's --explain only. */
public final class StatsExplain {

    private final Pool pool;

    public StatsExplain(Pool pool) {
        this.pool = pool;
    }

    /** The plan, with planning and execution times, of the facts' or the rollups' statement for the query. */
    public Future<String> explain(StatsQuery query, boolean hours, boolean fromRollup) {
        String sql = fromRollup ? RollupStats.sql(query, hours) : FactStats.sql(query, hours);
        Tuple params = fromRollup ? RollupStats.explainParams(query, hours) : FactStats.explainParams(query, hours);
        String explain = "EXPLAIN (ANALYZE, SUMMARY) " + sql;
        // A breakdown from the facts is explained as the server runs it, with its room to sort.
        Future<RowSet<Row>> explained = fromRollup || hours ? pool.preparedQuery(explain).execute(params)
                : FactStats.withRoomToSort(pool, explain, params);
        return explained.map(rows -> {
            StringBuilder plan = new StringBuilder();
            rows.forEach(row -> plan.append(row.getString(0)).append('\n'));
            return plan.toString();
        });
    }
}
