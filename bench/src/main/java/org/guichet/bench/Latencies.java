package org.guichet.bench;

import java.util.Arrays;

/** Collects operation latencies of one benchmark phase and reports rate and percentiles. */
final class Latencies {

    private long[] nanos = new long[1 << 16];
    private int count;
    private int errors;

    synchronized void record(long elapsedNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = elapsedNanos;
    }

    synchronized void error() {
        errors++;
    }

    /** Adds another phase's timings (same operation, measured apart). */
    void addAll(Latencies other) {
        long[] theirs;
        int theirErrors;
        synchronized (other) {
            theirs = Arrays.copyOf(other.nanos, other.count);
            theirErrors = other.errors;
        }
        synchronized (this) {
            for (long value : theirs) {
                record(value);
            }
            errors += theirErrors;
        }
    }

    synchronized int count() {
        return count;
    }

    synchronized String report(String name, double seconds) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return String.format("%-34s %6.0f ops/s   p50 %6.2f ms   p90 %6.2f ms   p99 %6.2f ms   max %7.2f ms"
                        + "   (%d ops, %d errors, %.1f s)", name, count / seconds, percentile(sorted, 0.50),
                percentile(sorted, 0.90), percentile(sorted, 0.99), percentile(sorted, 1.0), count, errors, seconds);
    }

    synchronized int errors() {
        return errors;
    }

    /** Nearest-rank percentile of what was recorded, in milliseconds (NaN when nothing was). */
    synchronized double percentileMillis(double share) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return percentile(sorted, share);
    }

    synchronized double rate(double seconds) {
        return count / seconds;
    }

    /** Nearest-rank percentile, in milliseconds, of sorted nanosecond timings. */
    static double percentile(long[] sorted, double share) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(share * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1_000_000.0;
    }
}
