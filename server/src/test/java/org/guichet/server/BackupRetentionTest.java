package org.guichet.server;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackupRetentionTest {

    private static String at(String instant) {
        return BackupRetention.fileName(Instant.parse(instant));
    }

    @Test
    void a_dump_is_named_by_its_utc_time_and_read_back() {
        String name = at("2026-11-30T02:00:07Z");
        assertThat(name).isEqualTo("guichet-2026-11-30T020007Z.dump");
        assertThat(BackupRetention.takenAt(name)).contains(Instant.parse("2026-11-30T02:00:07Z"));
        assertThat(BackupRetention.takenAt("guichet-2026-11-30T020007Z.dump.partial")).isEmpty();
        assertThat(BackupRetention.takenAt(".guichet-2026-11-30T020007Z.dump.partial")).isEmpty();
        assertThat(BackupRetention.takenAt("guichet-2026-13-30T020007Z.dump")).isEmpty();
        assertThat(BackupRetention.takenAt("notes.txt")).isEmpty();
    }

    @Test
    void keeps_the_newest_of_each_of_the_last_days_and_months_and_ignores_other_files() {
        List<String> names = new ArrayList<>();
        // A dump every night at 02:00 from 1 August to 30 November, and a second one on 30 November at 14:00.
        for (LocalDate day = LocalDate.of(2026, 8, 1); !day.isAfter(LocalDate.of(2026, 11, 30)); day = day.plusDays(1)) {
            names.add(BackupRetention.fileName(day.atTime(2, 0).toInstant(ZoneOffset.UTC)));
        }
        names.add(at("2026-11-30T14:00:00Z"));
        names.add("notes.txt");
        names.add("guichet-manual-before-upgrade.dump");

        List<String> deleted = BackupRetention.toDelete(names, 7, 3);

        List<String> kept = new ArrayList<>(names);
        kept.removeAll(deleted);
        assertThat(kept).containsExactlyInAnyOrder(
                at("2026-11-30T14:00:00Z"), at("2026-11-29T02:00:00Z"), at("2026-11-28T02:00:00Z"),
                at("2026-11-27T02:00:00Z"), at("2026-11-26T02:00:00Z"), at("2026-11-25T02:00:00Z"),
                at("2026-11-24T02:00:00Z"),
                // the months: November by today's dump (kept above), October and September by their last ones
                at("2026-10-31T02:00:00Z"), at("2026-09-30T02:00:00Z"),
                "notes.txt", "guichet-manual-before-upgrade.dump");
        assertThat(deleted).contains(at("2026-11-30T02:00:00Z"), at("2026-08-31T02:00:00Z"));
    }

    @Test
    void days_without_a_dump_do_not_count() {
        List<String> names = List.of(at("2026-11-30T02:00:00Z"), at("2026-11-20T02:00:00Z"),
                at("2026-11-10T02:00:00Z"));
        assertThat(BackupRetention.toDelete(names, 2, 0)).containsExactly(at("2026-11-10T02:00:00Z"));
    }

    @Test
    void at_least_one_daily_dump_is_kept() {
        assertThatThrownBy(() -> BackupRetention.toDelete(List.of(), 0, 12))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
