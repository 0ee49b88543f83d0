package org.guichet.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RequestTraceTest {

    private static final long MILLI = 1_000_000L;

    @Test
    void every_request_the_day_records_is_written_with_the_instant_it_was_sent_from_08_30(@TempDir Path dir)
            throws Exception {
        // given a day whose 08:30 is 5 s from now, traced
        long zero = System.nanoTime() + 5_000 * MILLI;
        Path file = dir.resolve("trace-2-nodes.csv");
        RequestTrace trace = new RequestTrace(file, zero);
        DayHours hours = new DayHours(zero, 40, Duration.ofHours(8), List.of("issue"), trace);

        // when: an issue sent 1.5 s after 08:30 took 42.25 ms, a statistics request (not in the hours' table) 300 ms,
        // and the machine was 57 % busy at 2 s
        hours.record("issue", zero + 1_500 * MILLI, 42_250_000);
        hours.record("statistics", zero + 2_000 * MILLI, 300 * MILLI);
        hours.machineBusy(zero + 2_000 * MILLI, 0.57);
        String written = trace.write();

        // then
        List<String> lines = Files.readAllLines(file);
        assertThat(written).isEqualTo("3 lines in " + file);
        assertThat(lines.get(0)).matches("# 08:30 of the day played = \\d{13} ms since the epoch");
        long epoch = Long.parseLong(lines.get(0).replaceAll("\\D", "").substring(4));
        assertThat(epoch - System.currentTimeMillis()).isBetween(0L, 5_000L);
        assertThat(lines.subList(1, lines.size())).containsExactly(RequestTrace.HEADER,
                "request,issue,1500.000,42.250", "request,statistics,2000.000,300.000", "busy,57,2000.000,0.000");
    }

    @Test
    void a_collection_of_this_jvm_is_written_at_its_instant_on_the_same_clock(@TempDir Path dir) throws Exception {
        // given a day whose 08:30 is now
        long before = System.nanoTime();
        RequestTrace trace = new RequestTrace(dir.resolve("trace.csv"), before).listenToCollections();

        // when
        System.gc();
        long after = System.nanoTime();

        // then: the collection is heard (the notification comes from another thread, after any of an earlier one)
        // and placed between the two instants; the JVM's uptime counts whole milliseconds: a millisecond either side
        double windowMillis = (after - before) / 1e6 + 1;
        long deadline = System.nanoTime() + 10_000 * MILLI;
        while (collectionsWithin(trace, windowMillis).isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(collectionsWithin(trace, windowMillis)).as("collections heard: %s", trace.lines()).isNotEmpty();
        trace.write();
    }

    private static List<String> collectionsWithin(RequestTrace trace, double windowMillis) {
        return trace.lines().stream().filter(line -> line.startsWith("collection,"))
                .filter(line -> {
                    double start = Double.parseDouble(line.split(",")[2]);
                    return start >= -1 && start <= windowMillis;
                }).toList();
    }
}
