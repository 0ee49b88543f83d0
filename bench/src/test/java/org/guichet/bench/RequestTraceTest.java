package org.guichet.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        Matcher zeroLine = Pattern.compile("# 08:30 of the day played = (\\d{13}) ms since the epoch")
                .matcher(lines.get(0));
        assertThat(zeroLine.matches()).as(lines.get(0)).isTrue();
        // 08:30 was 5 s ahead when the trace was made, a few milliseconds ago
        assertThat(Long.parseLong(zeroLine.group(1)) - System.currentTimeMillis()).isBetween(4_000L, 5_001L);
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

        // then: the collection is heard (the notification comes from another thread, after any of an earlier one)
        // and placed after the day's zero and before it was heard
        long deadline = System.nanoTime() + 10_000 * MILLI;
        List<String> heard = collectionsFrom(trace);
        while (heard.isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(MILLI);
            heard = collectionsFrom(trace);
        }
        double heardMillis = (System.nanoTime() - before) / 1e6;
        assertThat(heard).as("collections heard: %s", trace.lines()).isNotEmpty();
        assertThat(Double.parseDouble(heard.get(0).split(",")[2])).isBetween(-1.0, heardMillis);
        trace.write();
    }

    /** The collections placed no earlier than a millisecond before the day's zero (an earlier one may be heard late). */
    private static List<String> collectionsFrom(RequestTrace trace) {
        return trace.lines().stream().filter(line -> line.startsWith("collection,"))
                .filter(line -> Double.parseDouble(line.split(",")[2]) >= -1).toList();
    }
}
