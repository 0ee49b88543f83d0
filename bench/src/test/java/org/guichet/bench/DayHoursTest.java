package org.guichet.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DayHoursTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void an_instant_falls_in_the_hour_of_the_day_it_plays_and_after_16_30_in_the_drain() {
        // given a day played 40 times faster from t = 1000 s: an hour of the day lasts 90 s
        DayHours hours = new DayHours(1000 * SECOND, 40, Duration.ofHours(8), List.of("issue"));

        // then
        assertThat(hours.hourAt(999 * SECOND)).isEqualTo(-1);
        assertThat(hours.hourAt(1000 * SECOND)).isZero();
        assertThat(hours.hourAt(1089 * SECOND)).isZero();
        assertThat(hours.hourAt(1090 * SECOND)).isEqualTo(1);
        assertThat(hours.hourAt(1000 * SECOND + 719 * SECOND)).isEqualTo(7);
        assertThat(hours.hourAt(1000 * SECOND + 720 * SECOND)).isEqualTo(8);
        assertThat(hours.hourAt(1000 * SECOND + 5000 * SECOND)).isEqualTo(8);
    }

    @Test
    void the_table_gives_each_hour_its_own_count_p99_and_machine_load() {
        // given
        DayHours hours = new DayHours(0, 40, Duration.ofHours(8), List.of("issue", "call-next"));

        // when: 100 issues in the first hour, one of them slow; one in the rush hour; nothing at noon
        for (int i = 0; i < 99; i++) {
            hours.record("issue", 10 * SECOND, 5_000_000);
        }
        hours.record("issue", 20 * SECOND, 250_000_000);
        hours.record("call-next", 100 * SECOND, 7_000_000);
        hours.record("statistics", 100 * SECOND, 900_000_000);
        hours.machineBusy(10 * SECOND, 0.5);
        hours.machineBusy(11 * SECOND, 0.7);
        hours.record("issue", 800 * SECOND, 3_000_000);

        // then
        List<String> table = hours.table();
        assertThat(table).hasSize(4);
        assertThat(table.get(0)).contains("issue: count, p99 ms").contains("call-next: count, p99 ms")
                .doesNotContain("statistics");
        assertThat(table.get(1)).startsWith("  08:30-09:30").containsPattern("\\|\\s+100\\s+5\\.0\\s")
                .containsPattern("\\|\\s+0\\s+NaN\\s").endsWith("| 60 %");
        assertThat(table.get(2)).startsWith("  09:30-10:30").containsPattern("\\|\\s+1\\s+7\\.0\\s").endsWith("| -");
        assertThat(table.get(3)).startsWith("  drain").containsPattern("\\|\\s+1\\s+3\\.0\\s");
    }

    @Test
    void each_hour_gets_the_cpu_spent_from_its_first_reading_to_the_next_hours() {
        // given a day played 40 times faster: an hour of the day lasts 90 s
        DayHours hours = new DayHours(0, 40, Duration.ofHours(8), List.of("issue"));
        hours.record("issue", 10 * SECOND, 5_000_000);
        hours.record("issue", 100 * SECOND, 5_000_000);
        hours.record("issue", 200 * SECOND, 5_000_000);

        // when: the JVM, the database and the compilers read twice in the first hour, once in each of the next two
        hours.cpuSpent(1 * SECOND, 100 * SECOND, 200 * SECOND, 10 * SECOND, 0);
        hours.cpuSpent(50 * SECOND, 120 * SECOND, 230 * SECOND, 11 * SECOND, 1 * SECOND);
        hours.cpuSpent(91 * SECOND, 140 * SECOND, 260 * SECOND, 12_500_000_000L, 3 * SECOND);
        hours.cpuSpent(181 * SECOND, 150 * SECOND, 262 * SECOND, -1, 3_250_000_000L);

        // then: the first hour from its first reading to the second hour's; the second to the third's; the third
        // has one reading and nothing after it, so no figure; an unknown counter is NaN
        List<String> table = hours.table();
        assertThat(table.get(0)).endsWith("| machine busy | CPU s: JVM, database, JIT; stolen by the host");
        assertThat(table.get(1)).startsWith("  08:30-09:30").endsWith("| -            | 40, 60, 2.5; 3.0");
        assertThat(table.get(2)).startsWith("  09:30-10:30").endsWith("| -            | 10, 2, NaN; 0.3");
        assertThat(table.get(3)).startsWith("  10:30-11:30").endsWith("| -");
    }
}
