package org.guichet.server.domain.stats;

import java.util.Arrays;

/**
 * Counts of durations (whole seconds) in fixed buckets, as stored in the rollup columns. Bucket 0 holds exactly 0 s;
 * bucket {@code b >= 1} holds {@code (edges[b-1], edges[b]]}; the last bucket holds everything above the last edge.
 * A value's bucket is the number of edges strictly below it, which is what {@code width_bucket(value - 1, edges)}
 * gives in SQL for whole seconds.
 */
public final class Histogram {

    /** Wait and service times: one-minute buckets up to an hour, five-minute buckets up to three hours. */
    public static final int[] MINUTE_EDGES = minuteEdges();
    /** Walk times (call to start): 15-second buckets up to 5 min, one-minute buckets up to 15 min. */
    public static final int[] WALK_EDGES = walkEdges();

    private final int[] edges;
    private final long[] counts;

    public Histogram(int[] edges) {
        this(edges, new long[edges.length + 1]);
    }

    public Histogram(int[] edges, long[] counts) {
        if (counts.length != edges.length + 1) {
            throw new IllegalArgumentException("a histogram over " + edges.length + " edges has "
                    + (edges.length + 1) + " buckets, not " + counts.length);
        }
        this.edges = edges;
        this.counts = counts.clone();
    }

    public static int bucketCount(int[] edges) {
        return edges.length + 1;
    }

    public static int bucketOf(int[] edges, int seconds) {
        int bucket = 0;
        while (bucket < edges.length && edges[bucket] < seconds) {
            bucket++;
        }
        return bucket;
    }

    public Histogram add(int seconds) {
        counts[bucketOf(edges, seconds)]++;
        return this;
    }

    public long total() {
        return Arrays.stream(counts).sum();
    }

    public long count(int bucket) {
        return counts[bucket];
    }

    /** How many values are at most {@code seconds}; exact when {@code seconds} is 0 or one of the edges. */
    public long countAtMost(int seconds) {
        if (!isEdge(seconds)) {
            throw new IllegalArgumentException(seconds + " s is not a bucket edge");
        }
        long sum = 0;
        for (int b = 0; b <= bucketOf(edges, seconds); b++) {
            sum += counts[b];
        }
        return sum;
    }

    public boolean isEdge(int seconds) {
        return seconds == 0 || Arrays.binarySearch(edges, seconds) >= 0;
    }

    /**
     * Estimates the {@code p}-quantile with the same rule as {@code percentile_cont} (linear interpolation between
     * the values at ranks floor and ceil of {@code p * (n - 1)}), taking the values of a bucket as spread evenly
     * across it: the j-th of c values in {@code (lo, hi]} is {@code lo + (hi - lo) * (j + 0.5) / c}. Values above the
     * last edge are taken as the last edge (the estimate is then a lower bound). Null when there are no values.
     */
    public Double percentile(double p) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("p must be between 0 and 1");
        }
        long n = total();
        if (n == 0) {
            return null;
        }
        double rank = p * (n - 1);
        long lower = (long) Math.floor(rank);
        long upper = (long) Math.ceil(rank);
        double low = valueAtRank(lower);
        double high = upper == lower ? low : valueAtRank(upper);
        return low + (high - low) * (rank - lower);
    }

    private double valueAtRank(long rank) {
        long before = 0;
        for (int b = 0; b < counts.length; b++) {
            long c = counts[b];
            if (rank < before + c) {
                if (b == 0) {
                    return 0;
                }
                if (b == edges.length) {
                    return edges[edges.length - 1];
                }
                double lo = edges[b - 1];
                double hi = edges[b];
                return lo + (hi - lo) * ((rank - before) + 0.5) / c;
            }
            before += c;
        }
        throw new IllegalStateException("rank " + rank + " beyond " + before + " values");
    }

    private static int[] minuteEdges() {
        int[] edges = new int[85];
        for (int i = 0; i < 61; i++) {
            edges[i] = 60 * i;
        }
        for (int j = 1; j <= 24; j++) {
            edges[60 + j] = 3600 + 300 * j;
        }
        return edges;
    }

    private static int[] walkEdges() {
        int[] edges = new int[31];
        for (int i = 0; i <= 20; i++) {
            edges[i] = 15 * i;
        }
        for (int j = 1; j <= 10; j++) {
            edges[20 + j] = 300 + 60 * j;
        }
        return edges;
    }
}
