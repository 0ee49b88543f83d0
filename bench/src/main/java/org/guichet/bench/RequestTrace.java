package org.guichet.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every timed request of a network day with the instant it was sent, every garbage collection of this JVM and the
 * machine's load each second, written as CSV once the day is over ({@code --trace}): the report's p99 says how long
 * the slowest requests took, this says when, so that they can be set beside what ran at that moment (a statistics
 * request, a collection, PostgreSQL's autovacuum sampled from outside). Times are milliseconds from the day's 08:30;
 * the file's first line gives that instant on the wall clock.
 */
final class RequestTrace {

    static final String HEADER = "kind,name,start_ms,duration_ms";

    private final Path file;
    private final long zeroNanos;
    private final long zeroEpochMillis;
    private final List<String> lines = new ArrayList<>();
    private final List<Runnable> stopListening = new ArrayList<>();

    /** @param zeroNanos the day's 08:30 ({@link System#nanoTime()}), which may be a moment ahead */
    RequestTrace(Path file, long zeroNanos) {
        this.file = file;
        this.zeroNanos = zeroNanos;
        long now = System.nanoTime();
        this.zeroEpochMillis = System.currentTimeMillis() + (zeroNanos - now) / 1_000_000;
    }

    /** Starts hearing this JVM's garbage collections, until {@link #write}. */
    RequestTrace listenToCollections() {
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (bean instanceof NotificationEmitter emitter) {
                NotificationListener listener = this::collected;
                emitter.addNotificationListener(listener, null, null);
                stopListening.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (ListenerNotFoundException gone) {
                        // already removed
                    }
                });
            }
        }
        return this;
    }

    /**
     * Placed by when it was heard, less its duration: the collector's own start time counts from a start of the JVM
     * that is not the one {@code RuntimeMXBean.getUptime()} counts from (48 ms apart in one CI run), while the
     * notification comes within milliseconds of the collection's end, on the requests' clock.
     */
    private void collected(Notification notification, Object handback) {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            long heard = System.nanoTime();
            var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long duration = info.getGcInfo().getDuration();
            add("collection", info.getGcName(), (heard - zeroNanos) / 1e6 - duration, duration);
        }
    }

    void request(String operation, long sentNanos, long elapsedNanos) {
        add("request", operation, (sentNanos - zeroNanos) / 1e6, elapsedNanos / 1e6);
    }

    /** The machine's load (0 to 1) over the second before this instant, as a percentage in the name column. */
    void machineBusy(long nanos, double load) {
        add("busy", Long.toString(Math.round(load * 100)), (nanos - zeroNanos) / 1e6, 0);
    }

    private synchronized void add(String kind, String name, double startMillis, double durationMillis) {
        lines.add(String.format(Locale.ROOT, "%s,%s,%.3f,%.3f", kind, name.replace(',', ' '), startMillis,
                durationMillis));
    }

    /** What would be written after the two header lines, so far. */
    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Stops listening and writes the file; says where. */
    synchronized String write() throws IOException {
        stopListening.forEach(Runnable::run);
        stopListening.clear();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            out.println("# 08:30 of the day played = " + zeroEpochMillis + " ms since the epoch");
            out.println(HEADER);
            lines.forEach(out::println);
        }
        return lines.size() + " lines in " + file;
    }
}
