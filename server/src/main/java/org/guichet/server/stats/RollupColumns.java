package org.guichet.server.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The measure columns of {@code stats_rollup} (created by V2__statistics.sql) and how each is computed from one
 * ticket's fact row. The same expressions turn rollup rows, facts and open tickets into rows that simply add up, so
 * every statistics query over any mix of them is "sum (or max) of each column".
 */
public final class RollupColumns {

    public enum Aggregate { SUM, MAX }

    public record Column(String name, Aggregate aggregate, String factExpression) {

        String aggregated(String source) {
            return (aggregate == Aggregate.SUM ? "sum(" : "max(") + source + name + ")";
        }
    }

    public static final List<Column> ALL = columns();
    /** What totals and breakdowns need: counts, duration sums, maxima and histograms. */
    public static final List<Column> METRICS = ALL.stream()
            .filter(column -> !column.name().matches("(h[ans]|d[ans])\\d+")).toList();
    /** Arrivals and waits by local hour of day and ISO weekday. */
    public static final List<Column> HOURS = ALL.stream()
            .filter(column -> column.name().matches("(h[ans]|d[ans])\\d+")).toList();

    /** The measure column names, comma-separated, in table order. */
    public static final String NAMES = names(ALL, "");

    /**
     * Columns a fact-shaped relation needs before {@link #factProjection()} applies: bucket indexes of its durations.
     * The relation must have origin, outcome, wait_s, walk_s, service_s, target_s, local_hour and local_dow.
     */
    public static final String BUCKETS = "width_bucket(wait_s - 1, '" + array(Histogram.MINUTE_EDGES) + "'::int[]) AS wb, "
            + "width_bucket(walk_s - 1, '" + array(Histogram.WALK_EDGES) + "'::int[]) AS kb, "
            + "width_bucket(service_s - 1, '" + array(Histogram.MINUTE_EDGES) + "'::int[]) AS vb";

    private RollupColumns() {
    }

    /** "expression AS name, ..." over a fact-shaped relation with the {@link #BUCKETS} columns. */
    public static String factProjection() {
        return factProjection(ALL);
    }

    public static String factProjection(List<Column> columns) {
        return columns.stream().map(column -> column.factExpression() + " AS " + column.name())
                .collect(Collectors.joining(", "));
    }

    /** "sum(prefix.name) AS name, ..." (max for maxima). */
    public static String aggregates(String prefix) {
        return aggregates(ALL, prefix);
    }

    public static String aggregates(List<Column> columns, String prefix) {
        String source = prefix == null || prefix.isEmpty() ? "" : prefix + ".";
        return columns.stream().map(column -> column.aggregated(source) + " AS " + column.name())
                .collect(Collectors.joining(", "));
    }

    /** "prefix.name, ..." */
    public static String names(List<Column> columns, String prefix) {
        String source = prefix == null || prefix.isEmpty() ? "" : prefix + ".";
        return columns.stream().map(column -> source + column.name()).collect(Collectors.joining(", "));
    }

    public static List<String> histogram(String prefix, int buckets) {
        List<String> names = new ArrayList<>();
        for (int b = 0; b < buckets; b++) {
            names.add(prefix + b);
        }
        return names;
    }

    private static List<Column> columns() {
        List<Column> columns = new ArrayList<>();
        sum(columns, "issued", "CASE WHEN origin = 'ISSUE' THEN 1 ELSE 0 END");
        sum(columns, "transferred_in", "CASE WHEN origin = 'TRANSFER_IN' THEN 1 ELSE 0 END");
        sum(columns, "served", "CASE WHEN outcome = 'DONE' THEN 1 ELSE 0 END");
        sum(columns, "no_show", "CASE WHEN outcome = 'NO_SHOW' THEN 1 ELSE 0 END");
        sum(columns, "cancelled", "CASE WHEN outcome = 'CANCELLED' THEN 1 ELSE 0 END");
        sum(columns, "transferred", "CASE WHEN outcome = 'TRANSFERRED' THEN 1 ELSE 0 END");
        sum(columns, "in_progress", "CASE WHEN outcome IS NULL THEN 1 ELSE 0 END");
        durations(columns, "wait", "wait_s");
        sum(columns, "wait_within", "CASE WHEN wait_s <= target_s THEN 1 ELSE 0 END");
        durations(columns, "walk", "walk_s");
        durations(columns, "service", "service_s");
        buckets(columns, "w", "wb", Histogram.bucketCount(Histogram.MINUTE_EDGES));
        buckets(columns, "k", "kb", Histogram.bucketCount(Histogram.WALK_EDGES));
        buckets(columns, "v", "vb", Histogram.bucketCount(Histogram.MINUTE_EDGES));
        for (int hour = 0; hour < 24; hour++) {
            sum(columns, "ha" + hour, "CASE WHEN origin = 'ISSUE' AND local_hour = " + hour + " THEN 1 ELSE 0 END");
            sum(columns, "hn" + hour, "CASE WHEN wait_s IS NOT NULL AND local_hour = " + hour + " THEN 1 ELSE 0 END");
            sum(columns, "hs" + hour, "CASE WHEN local_hour = " + hour + " THEN coalesce(wait_s, 0) ELSE 0 END");
        }
        for (int day = 1; day <= 7; day++) {
            sum(columns, "da" + day, "CASE WHEN origin = 'ISSUE' AND local_dow = " + day + " THEN 1 ELSE 0 END");
            sum(columns, "dn" + day, "CASE WHEN wait_s IS NOT NULL AND local_dow = " + day + " THEN 1 ELSE 0 END");
            sum(columns, "ds" + day, "CASE WHEN local_dow = " + day + " THEN coalesce(wait_s, 0) ELSE 0 END");
        }
        return List.copyOf(columns);
    }

    private static void durations(List<Column> columns, String name, String seconds) {
        sum(columns, name + "_n", "CASE WHEN " + seconds + " IS NOT NULL THEN 1 ELSE 0 END");
        sum(columns, name + "_sum", "coalesce(" + seconds + ", 0)");
        columns.add(new Column(name + "_max", Aggregate.MAX, seconds));
    }

    private static void buckets(List<Column> columns, String prefix, String bucket, int count) {
        for (int b = 0; b < count; b++) {
            sum(columns, prefix + b, "CASE WHEN " + bucket + " = " + b + " THEN 1 ELSE 0 END");
        }
    }

    private static void sum(List<Column> columns, String name, String expression) {
        columns.add(new Column(name, Aggregate.SUM, expression));
    }

    private static String array(int[] values) {
        return Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(",", "{", "}"));
    }
}
