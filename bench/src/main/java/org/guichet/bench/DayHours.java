package org.guichet.bench;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A compressed day's figures hour by hour of the day it plays (08:30 to 16:30, then the drain): each operation's
 * p99 and the machine's load, so that a tail can be told apart from the rush it came in. An operation counts in the
 * hour its request was sent.
 */
final class DayHours {

    static final LocalTime OPENING = LocalTime.of(8, 30);

    private final long startNanos;
    private final double speed;
    private final int hours;
    private final Map<String, Latencies[]> latencies = new LinkedHashMap<>();
    private final long[] busyPercent;
    private final long[] samples;
    /** Per hour, the first reading of the CPU counters taken in it (nanoseconds so far), null while none. */
    private final long[][] firstReadings;
    private long[] lastReading;
    private final RequestTrace trace;

    /** @param startNanos when the day's 08:30 was played ({@link System#nanoTime()}) */
    DayHours(long startNanos, double speed, Duration openingHours, List<String> operations) {
        this(startNanos, speed, openingHours, operations, null);
    }

    /** @param trace where every request recorded here and every load sampled is also written, or null */
    DayHours(long startNanos, double speed, Duration openingHours, List<String> operations, RequestTrace trace) {
        this.trace = trace;
        this.startNanos = startNanos;
        this.speed = speed;
        this.hours = (int) openingHours.toHours();
        for (String operation : operations) {
            Latencies[] slots = new Latencies[hours + 1];
            for (int h = 0; h <= hours; h++) {
                slots[h] = new Latencies();
            }
            latencies.put(operation, slots);
        }
        busyPercent = new long[hours + 1];
        samples = new long[hours + 1];
        firstReadings = new long[hours + 1][];
    }

    /** The hour of the day played at this instant: 0 from 08:30, {@code hours} for the drain; -1 before the day. */
    int hourAt(long nanos) {
        long elapsed = nanos - startNanos;
        if (elapsed < 0) {
            return -1;
        }
        return (int) Math.min(hours, elapsed * speed / Duration.ofHours(1).toNanos());
    }

    void record(String operation, long sentNanos, long elapsedNanos) {
        if (trace != null) {
            trace.request(operation, sentNanos, elapsedNanos);
        }
        Latencies[] slots = latencies.get(operation);
        int hour = hourAt(sentNanos);
        if (slots != null && hour >= 0) {
            slots[hour].record(elapsedNanos);
        }
    }

    /** The machine's CPU load (0 to 1) sampled at this instant. */
    synchronized void machineBusy(long nanos, double load) {
        if (trace != null) {
            trace.machineBusy(nanos, load);
        }
        int hour = hourAt(nanos);
        if (hour >= 0) {
            busyPercent[hour] += Math.round(load * 100);
            samples[hour]++;
        }
    }

    /**
     * What the CPU counters read at this instant, each in nanoseconds spent so far: this JVM, the database, the JIT
     * compilers, and the time the host took from this machine (steal) (-1 where unknown). An hour's share is the
     * difference between its first reading and the next hour's.
     */
    synchronized void cpuSpent(long nanos, long jvm, long database, long compilers, long stolen) {
        int hour = hourAt(nanos);
        if (hour < 0) {
            return;
        }
        lastReading = new long[] {jvm, database, compilers, stolen};
        if (firstReadings[hour] == null) {
            firstReadings[hour] = lastReading;
        }
    }

    /** Seconds each counter advanced during an hour, or null when the hour has not two readings to tell. */
    private double[] cpuSeconds(int hour) {
        long[] from = firstReadings[hour];
        long[] to = hour < hours && firstReadings[hour + 1] != null ? firstReadings[hour + 1] : lastReading;
        if (from == null || to == null || from == to) {
            return null;
        }
        double[] seconds = new double[from.length];
        for (int i = 0; i < from.length; i++) {
            seconds[i] = from[i] < 0 || to[i] < 0 ? Double.NaN : (to[i] - from[i]) / 1e9;
        }
        return seconds;
    }

    /**
     * One line per hour that saw a request: its label, each operation's count and p99, the machine busy, and the CPU
     * seconds of this JVM, the database and the JIT compilers (part of the JVM's) in that hour, and those the host
     * took from the machine.
     */
    synchronized List<String> table() {
        List<String> lines = new ArrayList<>();
        StringBuilder header = new StringBuilder(String.format("%-13s", "  hour"));
        latencies.keySet().forEach(name -> header.append(String.format("| %-24s", name + ": count, p99 ms")));
        lines.add(header.append("| machine busy | CPU s: JVM, database, JIT; stolen by the host").toString());
        for (int h = 0; h <= hours; h++) {
            final int hour = h;
            if (latencies.values().stream().allMatch(slots -> slots[hour].count() == 0)) {
                continue;
            }
            StringBuilder line = new StringBuilder(String.format("  %-11s", label(h)));
            latencies.values().forEach(slots -> line.append(String.format(Locale.ROOT, "| %7d %9.1f       ",
                    slots[hour].count(), slots[hour].percentileMillis(0.99))));
            line.append(String.format("| %-13s", samples[h] == 0 ? "-" : busyPercent[h] / samples[h] + " %"));
            double[] cpu = cpuSeconds(h);
            if (cpu != null) {
                line.append(String.format(Locale.ROOT, "| %.0f, %.0f, %.1f; %.1f", cpu[0], cpu[1], cpu[2], cpu[3]));
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    private String label(int hour) {
        return hour == hours ? "drain" : OPENING.plusHours(hour) + "-" + OPENING.plusHours(hour + 1);
    }
}
