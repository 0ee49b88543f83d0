package org.guichet.server.realtime;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what the bridge refused, so that the log gets one summary line per period instead of a line per refusal:
 * anyone can open a socket and send refused frames by the thousand.
 */
final class RefusalLog {

    private final Map<String, LongAdder> counts = new ConcurrentSkipListMap<>();

    void count(String reason) {
        counts.computeIfAbsent(reason, key -> new LongAdder()).increment();
    }

    /** The counts since the last call, by reason (emptied), e.g. {"no token": 40, "malformed frame": 1}. */
    Map<String, Long> takeCounts() {
        Map<String, Long> taken = new TreeMap<>();
        counts.forEach((reason, count) -> {
            long value = count.sumThenReset();
            if (value > 0) {
                taken.put(reason, value);
            }
        });
        return taken;
    }

    /** The summary line for these counts, or null when nothing was refused. */
    static String summary(Map<String, Long> counts, long periodSeconds) {
        if (counts.isEmpty()) {
            return null;
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder line = new StringBuilder("Event-bus bridge refused ").append(total)
                .append(total == 1 ? " frame" : " frames").append(" in the last ").append(periodSeconds).append(" s:");
        String separator = " ";
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            line.append(separator).append(entry.getKey()).append(' ').append(entry.getValue());
            separator = ", ";
        }
        return line.toString();
    }
}
