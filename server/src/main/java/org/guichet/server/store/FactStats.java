package org.guichet.server.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import org.guichet.server.domain.stats.DurationStats;
import org.guichet.server.domain.stats.HourProfile;
import org.guichet.server.domain.stats.Metrics;
import org.guichet.server.domain.stats.OutcomeCounts;
import org.guichet.server.domain.stats.StaffingPlan;
import org.guichet.server.domain.stats.StatsQuery;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact statistics from the per-ticket facts plus the tickets still open (through the same view the facts come
 * from). Percentiles are PostgreSQL's {@code percentile_cont}: linear interpolation between closest ranks, as in a
 * spreadsheet's PERCENTILE.INC.
 */
public final class FactStats {

    private static final String FACT_COLUMNS = "site_id, room_id, service_id, counter_id, agent_id, origin, outcome, "
            + "local_day, local_hour, local_dow, wait_s, walk_s, service_s, target_s";
    private static final String FILTERS = "site_id = ANY($1) AND local_day BETWEEN $2 AND $3"
            + " AND ($4::text IS NULL OR room_id = $4) AND ($5::text IS NULL OR service_id = $5)"
            + " AND ($6::text IS NULL OR counter_id = $6) AND ($7::bigint IS NULL OR agent_id = $7)";
    /** Facts and open tickets in scope. Parameters $1 to $7 are those of {@link #scope(StatsQuery)}. */
    static final String IN_SCOPE = "WITH f AS (\n"
            + "    SELECT " + FACT_COLUMNS + " FROM ticket_fact WHERE " + FILTERS + "\n"
            + "    UNION ALL\n"
            + "    SELECT " + FACT_COLUMNS + " FROM ticket_fact_source WHERE open AND " + FILTERS + "\n"
            + ")\n";

    private static final String MEASURES = """
            count(*) FILTER (WHERE origin = 'ISSUE') AS issued,
            count(*) FILTER (WHERE origin = 'TRANSFER_IN') AS transferred_in,
            count(*) FILTER (WHERE outcome = 'DONE') AS served,
            count(*) FILTER (WHERE outcome = 'NO_SHOW') AS no_show,
            count(*) FILTER (WHERE outcome = 'CANCELLED') AS cancelled,
            count(*) FILTER (WHERE outcome = 'TRANSFERRED') AS transferred,
            count(*) FILTER (WHERE outcome IS NULL) AS in_progress,
            count(*) FILTER (WHERE wait_s <= target_s) AS wait_within,
            count(*) FILTER (WHERE wait_s <= $8) AS wait_within_threshold,
            """ + durations("wait") + ",\n" + durations("walk") + ",\n" + durations("service");

    private static final Map<StatsQuery.Breakdown, String> BREAKDOWN_SQL = breakdownSql();

    /** By hour and by weekday in one pass over the tickets (two groupings of f made PostgreSQL keep it whole). */
    private static final String HOURS = IN_SCOPE + """
            SELECT GROUPING(local_hour) = 0 AS is_hour,
                   CASE WHEN GROUPING(local_hour) = 0 THEN local_hour ELSE local_dow END AS slot,
                   count(*) FILTER (WHERE origin = 'ISSUE') AS arrivals, count(wait_s) AS called,
                   coalesce(sum(wait_s), 0) AS wait_sum
            FROM f GROUP BY GROUPING SETS ((local_hour), (local_dow))""";

    /** Tickets that joined each queue, by weekday and hour of their local queued instant. */
    private static final String ARRIVALS_BY_SLOT = IN_SCOPE + """
            SELECT service_id, local_dow, local_hour, count(*) AS arrivals FROM f GROUP BY 1, 2, 3""";
    /** Days on which the scope received visitors, by weekday. */
    private static final String DAYS_WITH_VISITORS = IN_SCOPE + """
            SELECT local_dow, count(DISTINCT local_day) AS days FROM f GROUP BY 1""";
    /** A counter's time per visitor served: from the call that brought them (walk) to the end of the service. */
    private static final String HANDLING = IN_SCOPE + """
            SELECT service_id, count(*) AS visitors, avg(coalesce(walk_s, 0) + service_s)::float8 AS seconds
            FROM f WHERE service_s IS NOT NULL GROUP BY 1""";
    private static final String CALLED_BY_DAY_AND_HOUR = IN_SCOPE + """
            SELECT local_day, local_hour, count(wait_s) AS called,
                   count(*) FILTER (WHERE wait_s <= target_s) AS within_target
            FROM f GROUP BY 1, 2""";

    /**
     * Visitors served, served with each outcome code, and oriented to each partner, by site and local hour. Facts
     * only: a ticket still open has no outcome yet. Parameters $1 to $7 are those of {@link #scope(StatsQuery)}.
     */
    private static final String OUTCOMES = "WITH f AS (SELECT * FROM ticket_fact WHERE " + FILTERS + ")\n" + """
            SELECT site_id, 'SERVED' AS kind, NULL AS code, local_hour, count(*) AS visits FROM f
            WHERE outcome = 'DONE' GROUP BY site_id, local_hour
            UNION ALL
            SELECT site_id, 'OUTCOME', outcome_id, local_hour, count(*) FROM f
            WHERE outcome = 'DONE' AND outcome_id IS NOT NULL GROUP BY site_id, outcome_id, local_hour
            UNION ALL
            SELECT site_id, 'PARTNER', oriented_to, local_hour, count(*) FROM f
            WHERE oriented_to IS NOT NULL GROUP BY site_id, oriented_to, local_hour""";

    /**
     * What the staffing advice rests on, over a period.
     *
     * @param arrivals   per service, by ISO weekday − 1 and local hour
     * @param sampleDays by ISO weekday − 1, the days with visitors
     */
    public record Demand(Map<String, long[][]> arrivals, int[] sampleDays, Map<String, StaffingPlan.Handling> handling) {
    }

    /** Called tickets and those called within their target, by local day and hour of arrival. */
    public record CalledInHour(LocalDate day, int hour, long called, long withinTarget) {
    }

    /**
     * A breakdown sorts its tickets by group: a whole network's day (60,000 tickets, 6 MB) did not fit in PostgreSQL's
     * default 4 MB and was sorted on disk, about a quarter of the query's time. The facts answer up to 600 site-days,
     * about as many tickets.
     */
    private static final String ROOM_TO_SORT = "SET LOCAL work_mem = '32MB'";

    private final Pool pool;

    public FactStats(Pool pool) {
        this.pool = pool;
    }

    /** One row per group, keys in order; no row for a group without tickets. Labels are left to the caller. */
    public Future<List<Metrics>> metrics(StatsQuery query) {
        Tuple params = scope(query).addValue(query.thresholdMinutes() * 60);
        return withRoomToSort(pool, BREAKDOWN_SQL.get(query.by()), params).map(rows -> {
            List<Metrics> metrics = new ArrayList<>();
            for (Row row : rows) {
                String key = row.getString("key");
                metrics.add(new Metrics(key, key, row.getLong("issued"), row.getLong("transferred_in"),
                        row.getLong("served"), row.getLong("no_show"), row.getLong("cancelled"),
                        row.getLong("transferred"), row.getLong("in_progress"), durations(row, "wait"),
                        durations(row, "walk"), durations(row, "service"), row.getLong("wait_within"),
                        query.thresholdMinutes(), row.getLong("wait_within_threshold"), true));
            }
            return metrics;
        });
    }

    public Future<HourProfile> hours(StatsQuery query) {
        return pool.preparedQuery(HOURS).execute(scope(query)).map(rows -> {
            HourProfile profile = HourProfile.empty();
            for (Row row : rows) {
                profile.add(row.getBoolean("is_hour"), row.getInteger("slot"), row.getLong("arrivals"),
                        row.getLong("called"), row.getLong("wait_sum"));
            }
            return profile;
        });
    }

    public Future<Demand> demand(StatsQuery query) {
        Tuple scope = scope(query);
        Future<RowSet<Row>> slots = pool.preparedQuery(ARRIVALS_BY_SLOT).execute(scope);
        Future<RowSet<Row>> days = pool.preparedQuery(DAYS_WITH_VISITORS).execute(scope);
        Future<RowSet<Row>> handled = pool.preparedQuery(HANDLING).execute(scope);
        return Future.all(slots, days, handled).map(done -> {
            Map<String, long[][]> arrivals = new HashMap<>();
            for (Row row : slots.result()) {
                arrivals.computeIfAbsent(row.getString("service_id"), id -> new long[7][24])
                        [row.getInteger("local_dow") - 1][row.getInteger("local_hour")] = row.getLong("arrivals");
            }
            int[] sampleDays = new int[7];
            days.result().forEach(row -> sampleDays[row.getInteger("local_dow") - 1] = row.getInteger("days"));
            Map<String, StaffingPlan.Handling> handling = new HashMap<>();
            handled.result().forEach(row -> handling.put(row.getString("service_id"),
                    new StaffingPlan.Handling(row.getDouble("seconds"), row.getLong("visitors"))));
            return new Demand(arrivals, sampleDays, handling);
        });
    }

    public Future<OutcomeCounts> outcomes(StatsQuery query) {
        return pool.preparedQuery(OUTCOMES).execute(scope(query)).map(rows -> {
            OutcomeCounts counts = new OutcomeCounts();
            rows.forEach(row -> counts.add(row.getString("site_id"), OutcomeCounts.Kind.valueOf(row.getString("kind")),
                    row.getString("code"), row.getInteger("local_hour"), row.getLong("visits")));
            return counts;
        });
    }

    public Future<List<CalledInHour>> calledByHour(StatsQuery query) {
        return pool.preparedQuery(CALLED_BY_DAY_AND_HOUR).execute(scope(query)).map(rows -> {
            List<CalledInHour> hours = new ArrayList<>();
            rows.forEach(row -> hours.add(new CalledInHour(row.getLocalDate("local_day"), row.getInteger("local_hour"),
                    row.getLong("called"), row.getLong("within_target"))));
            return hours;
        });
    }

    /** Runs a breakdown's statement (or its EXPLAIN) with the room to sort it in memory, in its own transaction. */
    static Future<RowSet<Row>> withRoomToSort(Pool pool, String sql, Tuple params) {
        return pool.withTransaction(conn -> conn.query(ROOM_TO_SORT).execute()
                .compose(set -> conn.preparedQuery(sql).execute(params)));
    }

    /** The statement and parameters {@link #metrics} or {@link #hours} runs, for EXPLAIN. */
    static String sql(StatsQuery query, boolean hours) {
        return hours ? HOURS : BREAKDOWN_SQL.get(query.by());
    }

    static Tuple explainParams(StatsQuery query, boolean hours) {
        return hours ? scope(query) : scope(query).addValue(query.thresholdMinutes() * 60);
    }

    static Tuple scope(StatsQuery query) {
        return Tuple.of(query.siteIds().toArray(String[]::new), query.from(), query.to(), query.roomId(),
                        query.serviceId(), query.counterId())
                .addValue(query.agentId());
    }

    private static DurationStats durations(Row row, String name) {
        long count = row.getLong(name + "_n");
        if (count == 0) {
            return DurationStats.NONE;
        }
        return new DurationStats(count, row.getDouble(name + "_avg"), row.getDouble(name + "_median"),
                row.getDouble(name + "_p90"), row.getInteger(name + "_max"));
    }

    private static String durations(String name) {
        String seconds = name + "_s";
        return "count(" + seconds + ") AS " + name + "_n, avg(" + seconds + ")::float8 AS " + name + "_avg, "
                + "percentile_cont(0.5) WITHIN GROUP (ORDER BY " + seconds + ") AS " + name + "_median, "
                + "percentile_cont(0.9) WITHIN GROUP (ORDER BY " + seconds + ") AS " + name + "_p90, "
                + "max(" + seconds + ") AS " + name + "_max";
    }

    private static Map<StatsQuery.Breakdown, String> breakdownSql() {
        Map<StatsQuery.Breakdown, String> sql = new EnumMap<>(StatsQuery.Breakdown.class);
        for (StatsQuery.Breakdown by : StatsQuery.Breakdown.values()) {
            sql.put(by, IN_SCOPE + "SELECT " + key(by) + " AS key,\n" + MEASURES + "\nFROM f GROUP BY 1 ORDER BY 1");
        }
        return Map.copyOf(sql);
    }

    static String key(StatsQuery.Breakdown by) {
        return switch (by) {
            case NONE -> "'all'";
            case SITE -> "site_id";
            case ROOM -> "room_id";
            case SERVICE -> "service_id";
            case COUNTER -> "counter_id";
            case AGENT -> "agent_id::text";
            case DAY -> "local_day::text";
            case MONTH -> "to_char(local_day, 'YYYY-MM')";
        };
    }
}
