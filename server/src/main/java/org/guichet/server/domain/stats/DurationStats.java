package org.guichet.server.domain.stats;

import io.vertx.core.json.JsonObject;

/** Count, average, median, 90th percentile and maximum of one kind of duration, in seconds (null when none). */
public record DurationStats(long count, Double average, Double median, Double p90, Integer max) {

    public static final DurationStats NONE = new DurationStats(0, null, null, null, null);

    public static DurationStats fromHistogram(long count, long sum, Integer max, Histogram histogram) {
        if (count == 0) {
            return NONE;
        }
        return new DurationStats(count, (double) sum / count, histogram.percentile(0.5), histogram.percentile(0.9),
                max);
    }

    public JsonObject toJson() {
        return new JsonObject().put("count", count).put("averageSeconds", round(average))
                .put("medianSeconds", round(median)).put("p90Seconds", round(p90)).put("maxSeconds", max);
    }

    static Double round(Double seconds) {
        return seconds == null ? null : Math.round(seconds * 10) / 10.0;
    }
}
