package org.guichet.server.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.guichet.server.domain.stats.HourProfile;
import org.guichet.server.domain.stats.Metrics;
import org.guichet.server.domain.stats.StatsQuery;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Site-level statistics from the rollups: for each site, whole months inside the period come from clean month rows,
 * other days from clean day rows, and (site, day) pairs marked dirty from their facts; tickets still open are added
 * from the view. The result is the same as reading every fact, except that percentiles are estimated from histograms.
 */
public final class RollupStats {

    /**
     * The rows to add up, each with its site and day (a month row has the month's first day). Parameters: $1 sites,
     * $2 first day, $3 last day, $4 first whole month, $5 first month after the whole months ($4 = $5 when months must
     * not be used). Dirty (site, day) pairs are few (mostly today's), so every branch is driven by an index: month
     * rows of whole months without a dirty day; day rows outside the whole months, or inside a whole month that has a
     * dirty day, except dirty days; the facts of dirty days; tickets still open.
     */
    private static String parts(List<RollupColumns.Column> columns) {
        String names = RollupColumns.names(columns, "r");
        String notDirty = "NOT EXISTS (SELECT 1 FROM dirty d WHERE d.site_id = r.site_id AND d.local_day = r.period_start)";
        return "WITH dirty AS (\n"
                + "    SELECT DISTINCT site_id, local_day FROM stats_dirty_log\n"
                + "    WHERE site_id = ANY($1) AND local_day BETWEEN $2 AND $3\n"
                + "), dirty_months AS (\n"
                + "    SELECT DISTINCT site_id, date_trunc('month', local_day::timestamp)::date AS month FROM dirty\n"
                + "    WHERE local_day >= $4 AND local_day < $5\n"
                + "), parts AS (\n"
                + "    SELECT r.site_id, r.period_start AS day, " + names + "\n"
                + "    FROM stats_rollup r\n"
                + "    WHERE r.grain = 'M' AND r.site_id = ANY($1) AND r.period_start >= $4 AND r.period_start < $5\n"
                + "      AND NOT EXISTS (SELECT 1 FROM dirty_months m WHERE m.site_id = r.site_id AND m.month = r.period_start)\n"
                + "    UNION ALL\n"
                + "    SELECT r.site_id, r.period_start, " + names + "\n"
                + "    FROM stats_rollup r\n"
                + "    WHERE r.grain = 'D' AND r.site_id = ANY($1)\n"
                + "      AND (r.period_start >= $2 AND r.period_start < $4 OR r.period_start >= $5 AND r.period_start <= $3)\n"
                + "      AND " + notDirty + "\n"
                + "    UNION ALL\n"
                + "    SELECT r.site_id, r.period_start, " + names + "\n"
                + "    FROM dirty_months m JOIN stats_rollup r ON r.grain = 'D' AND r.site_id = m.site_id\n"
                + "        AND r.period_start >= m.month AND r.period_start < (m.month + interval '1 month')::date\n"
                + "    WHERE " + notDirty + "\n"
                + "    UNION ALL\n"
                + "    SELECT site_id, local_day, " + RollupColumns.factProjection(columns) + "\n"
                + "    FROM (SELECT fact_like.*, " + RollupColumns.BUCKETS + "\n"
                + "          FROM (SELECT f.site_id, f.local_day, f.origin, f.outcome, f.wait_s, f.walk_s, f.service_s,\n"
                + "                       f.target_s, f.local_hour, f.local_dow\n"
                + "                FROM dirty d CROSS JOIN LATERAL (\n"
                + "                    SELECT * FROM ticket_fact x WHERE x.site_id = d.site_id AND x.local_day = d.local_day\n"
                + "                ) f\n"
                + "                UNION ALL\n"
                + "                SELECT o.site_id, o.local_day, o.origin, o.outcome, o.wait_s, o.walk_s, o.service_s,\n"
                + "                       o.target_s, o.local_hour, o.local_dow\n"
                + "                FROM ticket_fact_source o\n"
                + "                WHERE o.open AND o.site_id = ANY($1) AND o.local_day BETWEEN $2 AND $3) fact_like\n"
                + "         ) bucketed\n"
                + ")\n";
    }

    private static final Map<StatsQuery.Breakdown, String> BREAKDOWN_SQL = breakdownSql();
    private static final String HOURS = parts(RollupColumns.HOURS)
            + "SELECT " + RollupColumns.aggregates(RollupColumns.HOURS, "parts") + " FROM parts";

    private final Pool pool;

    public RollupStats(Pool pool) {
        this.pool = pool;
    }

    public Future<List<Metrics>> metrics(StatsQuery query) {
        String sql = BREAKDOWN_SQL.get(query.by());
        if (sql == null) {
            return Future.failedFuture(new IllegalArgumentException("Rollups cannot group by " + query.by().apiName()));
        }
        return pool.preparedQuery(sql).execute(params(query, query.by() != StatsQuery.Breakdown.DAY)).map(rows -> {
            List<Metrics> metrics = new ArrayList<>();
            for (Row row : rows) {
                String key = row.getString("key");
                metrics.add(Metrics.fromRollup(key, key, name -> (Number) row.getValue(name),
                        query.thresholdMinutes()));
            }
            return metrics;
        });
    }

    public Future<HourProfile> hours(StatsQuery query) {
        return pool.preparedQuery(HOURS).execute(params(query, true)).map(rows -> {
            Row row = rows.iterator().next();
            HourProfile profile = HourProfile.empty();
            for (int hour = 0; hour < 24; hour++) {
                profile.add(true, hour, number(row, "ha" + hour), number(row, "hn" + hour), number(row, "hs" + hour));
            }
            for (int day = 1; day <= 7; day++) {
                profile.add(false, day, number(row, "da" + day), number(row, "dn" + day), number(row, "ds" + day));
            }
            return profile;
        });
    }

    /** The statement and parameters {@link #metrics} or {@link #hours} runs, for EXPLAIN. */
    static String sql(StatsQuery query, boolean hours) {
        return hours ? HOURS : BREAKDOWN_SQL.get(query.by());
    }

    static Tuple explainParams(StatsQuery query, boolean hours) {
        return params(query, hours || query.by() != StatsQuery.Breakdown.DAY);
    }

    /** Whole months strictly inside the period may come from month rows (never when grouping by day). */
    static Tuple params(StatsQuery query, boolean useMonths) {
        LocalDate firstWhole = query.from().withDayOfMonth(1).equals(query.from()) ? query.from()
                : query.from().withDayOfMonth(1).plusMonths(1);
        LocalDate afterWhole = query.to().plusDays(1).withDayOfMonth(1);
        if (!useMonths || !afterWhole.isAfter(firstWhole)) {
            afterWhole = firstWhole;
        }
        return Tuple.of(query.siteIds().toArray(String[]::new), query.from(), query.to(), firstWhole, afterWhole);
    }

    private static long number(Row row, String name) {
        Object value = row.getValue(name);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Map<StatsQuery.Breakdown, String> breakdownSql() {
        Map<StatsQuery.Breakdown, String> sql = new EnumMap<>(StatsQuery.Breakdown.class);
        String parts = parts(RollupColumns.METRICS);
        for (StatsQuery.Breakdown by : StatsQuery.Breakdown.values()) {
            String key = switch (by) {
                case NONE -> "'all'";
                case SITE -> "site_id";
                case DAY -> "day::text";
                case MONTH -> "to_char(day, 'YYYY-MM')";
                default -> null;
            };
            if (key != null) {
                sql.put(by, parts + "SELECT " + key + " AS key, "
                        + RollupColumns.aggregates(RollupColumns.METRICS, "parts") + "\nFROM parts GROUP BY 1 ORDER BY 1");
            }
        }
        return Map.copyOf(sql);
    }
}
