package org.guichet.server.store;

import org.guichet.server.domain.stats.Histogram;

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

    /** COUNT counts fact rows meeting a condition; SUM adds a value (of rows meeting a condition); MAX keeps the largest. */
    public enum Kind { COUNT, SUM, MAX }

    /**
     * @param condition over a fact row (null: every row)
     * @param value     over a fact row, for SUM and MAX
     */
    public record Column(String name, Kind kind, String condition, String value) {

        /** This column's value for one fact row, to be summed (or maxed) with rollup rows. */
        String factExpression() {
            return switch (kind) {
                case COUNT -> "CASE WHEN " + condition + " THEN 1 ELSE 0 END";
                case SUM -> condition == null ? "coalesce(" + value + ", 0)"
                        : "CASE WHEN " + condition + " THEN coalesce(" + value + ", 0) ELSE 0 END";
                case MAX -> value;
            };
        }

        /** This column over a group of fact rows (FILTER skips the other rows cheaply). */
        String factAggregate() {
            return switch (kind) {
                case COUNT -> "count(*) FILTER (WHERE " + condition + ")";
                case SUM -> "coalesce(sum(" + value + ")" + (condition == null ? "" : " FILTER (WHERE " + condition + ")")
                        + ", 0)";
                case MAX -> "max(" + value + ")";
            };
        }

        /** This column over a group of rows that already have it (rollup rows, or projected facts). */
        String aggregated(String source) {
            return (kind == Kind.MAX ? "max(" : "sum(") + source + name + ")";
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
     * Columns a fact-shaped relation needs before {@link #factProjection(List)} applies: bucket indexes of its durations.
     * The relation must have origin, outcome, wait_s, walk_s, service_s, target_s, local_hour and local_dow.
     */
    public static final String BUCKETS = "width_bucket(wait_s - 1, '" + array(Histogram.MINUTE_EDGES) + "'::int[]) AS wb, "
            + "width_bucket(walk_s - 1, '" + array(Histogram.WALK_EDGES) + "'::int[]) AS kb, "
            + "width_bucket(service_s - 1, '" + array(Histogram.MINUTE_EDGES) + "'::int[]) AS vb";

    private RollupColumns() {
    }

    /** "aggregate AS name, ..." over a group of fact rows with the {@link #BUCKETS} columns. */
    public static String factAggregates() {
        return ALL.stream().map(column -> column.factAggregate() + " AS " + column.name())
                .collect(Collectors.joining(", "));
    }

    /** "expression AS name, ..." over a fact-shaped relation with the {@link #BUCKETS} columns. */
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


    private static List<Column> columns() {
        List<Column> columns = new ArrayList<>();
        count(columns, "issued", "origin = 'ISSUE'");
        count(columns, "transferred_in", "origin = 'TRANSFER_IN'");
        count(columns, "served", "outcome = 'DONE'");
        count(columns, "no_show", "outcome = 'NO_SHOW'");
        count(columns, "cancelled", "outcome = 'CANCELLED'");
        count(columns, "transferred", "outcome = 'TRANSFERRED'");
        count(columns, "in_progress", "outcome IS NULL");
        durations(columns, "wait", "wait_s");
        count(columns, "wait_within", "wait_s <= target_s");
        durations(columns, "walk", "walk_s");
        durations(columns, "service", "service_s");
        buckets(columns, "w", "wb", Histogram.bucketCount(Histogram.MINUTE_EDGES));
        buckets(columns, "k", "kb", Histogram.bucketCount(Histogram.WALK_EDGES));
        buckets(columns, "v", "vb", Histogram.bucketCount(Histogram.MINUTE_EDGES));
        for (int hour = 0; hour < 24; hour++) {
            count(columns, "ha" + hour, "origin = 'ISSUE' AND local_hour = " + hour);
            count(columns, "hn" + hour, "wait_s IS NOT NULL AND local_hour = " + hour);
            columns.add(new Column("hs" + hour, Kind.SUM, "local_hour = " + hour, "wait_s"));
        }
        for (int day = 1; day <= 7; day++) {
            count(columns, "da" + day, "origin = 'ISSUE' AND local_dow = " + day);
            count(columns, "dn" + day, "wait_s IS NOT NULL AND local_dow = " + day);
            columns.add(new Column("ds" + day, Kind.SUM, "local_dow = " + day, "wait_s"));
        }
        return List.copyOf(columns);
    }

    private static void durations(List<Column> columns, String name, String seconds) {
        count(columns, name + "_n", seconds + " IS NOT NULL");
        columns.add(new Column(name + "_sum", Kind.SUM, null, seconds));
        columns.add(new Column(name + "_max", Kind.MAX, null, seconds));
    }

    private static void buckets(List<Column> columns, String prefix, String bucket, int count) {
        for (int b = 0; b < count; b++) {
            count(columns, prefix + b, bucket + " = " + b);
        }
    }

    private static void count(List<Column> columns, String name, String condition) {
        columns.add(new Column(name, Kind.COUNT, condition, null));
    }

    private static String array(int[] values) {
        return Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(",", "{", "}"));
    }
}
