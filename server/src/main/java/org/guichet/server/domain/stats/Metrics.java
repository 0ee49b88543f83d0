package org.guichet.server.domain.stats;

import io.vertx.core.json.JsonObject;

import java.util.function.Function;

/**
 * The figures of one group of tickets (a whole scope, or one site, service, counter, agent, day or month of it).
 * Shares are over called tickets, the only ones with a wait: {@code withinTarget} counts waits at most the ticket's
 * service target, {@code withinThreshold} waits at most {@code thresholdMinutes}.
 */
public record Metrics(String key, String label, long issued, long transferredIn, long served, long noShow,
                      long cancelled, long transferred, long inProgress, DurationStats waitTime, DurationStats walkTime,
                      DurationStats serviceTime, long withinTarget, int thresholdMinutes, long withinThreshold,
                      boolean exactPercentiles) {

    public static Metrics empty(String key, String label, int thresholdMinutes, boolean exactPercentiles) {
        return new Metrics(key, label, 0, 0, 0, 0, 0, 0, 0, DurationStats.NONE, DurationStats.NONE,
                DurationStats.NONE, 0, thresholdMinutes, 0, exactPercentiles);
    }

    /**
     * Figures from summed rollup columns (see {@link RollupColumns}); percentiles are estimated from the histograms,
     * the threshold share is exact because every allowed threshold is a histogram edge.
     *
     * @param column a summed column by name (a missing maximum may be null)
     */
    public static Metrics fromRollup(String key, String label, Function<String, Number> column,
                                     int thresholdMinutes) {
        Histogram waits = histogram(column, "w", Histogram.MINUTE_EDGES);
        return new Metrics(key, label, value(column, "issued"), value(column, "transferred_in"),
                value(column, "served"), value(column, "no_show"), value(column, "cancelled"),
                value(column, "transferred"), value(column, "in_progress"),
                durations(column, "wait", waits),
                durations(column, "walk", histogram(column, "k", Histogram.WALK_EDGES)),
                durations(column, "service", histogram(column, "v", Histogram.MINUTE_EDGES)),
                value(column, "wait_within"), thresholdMinutes, waits.countAtMost(thresholdMinutes * 60), false);
    }

    public Metrics withLabel(String other) {
        return new Metrics(key, other, issued, transferredIn, served, noShow, cancelled, transferred, inProgress,
                waitTime, walkTime, serviceTime, withinTarget, thresholdMinutes, withinThreshold, exactPercentiles);
    }

    /** Tickets of the group: new arrivals plus those transferred in from another service. */
    public long tickets() {
        return issued + transferredIn;
    }

    public Double withinTargetShare() {
        return share(withinTarget, waitTime.count());
    }

    public Double withinThresholdShare() {
        return share(withinThreshold, waitTime.count());
    }

    public JsonObject toJson() {
        return new JsonObject()
                .put("key", key)
                .put("label", label)
                .put("issued", issued)
                .put("transferredIn", transferredIn)
                .put("served", served)
                .put("noShow", noShow)
                .put("cancelled", cancelled)
                .put("transferred", transferred)
                .put("inProgress", inProgress)
                .put("wait", waitTime.toJson())
                .put("walk", walkTime.toJson())
                .put("service", serviceTime.toJson())
                .put("withinTarget", new JsonObject().put("count", withinTarget).put("share", withinTargetShare()))
                .put("withinThreshold", new JsonObject().put("minutes", thresholdMinutes)
                        .put("count", withinThreshold).put("share", withinThresholdShare()))
                .put("exactPercentiles", exactPercentiles);
    }

    static Double share(long part, long whole) {
        return whole == 0 ? null : Math.round(10000.0 * part / whole) / 10000.0;
    }

    private static DurationStats durations(Function<String, Number> column, String name, Histogram histogram) {
        Number max = column.apply(name + "_max");
        return DurationStats.fromHistogram(value(column, name + "_n"), value(column, name + "_sum"),
                max == null ? null : max.intValue(), histogram);
    }

    private static Histogram histogram(Function<String, Number> column, String prefix, int[] edges) {
        long[] counts = new long[Histogram.bucketCount(edges)];
        for (int b = 0; b < counts.length; b++) {
            counts[b] = value(column, prefix + b);
        }
        return new Histogram(edges, counts);
    }

    private static long value(Function<String, Number> column, String name) {
        Number value = column.apply(name);
        return value == null ? 0 : value.longValue();
    }
}
