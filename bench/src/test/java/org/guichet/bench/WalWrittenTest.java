package org.guichet.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WalWrittenTest {

    @Test
    void the_days_wal_is_the_difference_of_the_two_readings_and_is_also_given_per_ticket() {
        long[] before = {2_500_000, 400, 7};
        long[] after = {452_500_000, 4_800_400, 8_707};

        String written = NetworkDayRun.walWritten(before, after, 60_000);

        assertThat(written).isEqualTo(
                "450.0 MB, 4800000 records, 8700 full-page images (7.50 kB and 80.0 records a ticket)");
    }

    @Test
    void a_day_without_tickets_is_not_divided_by_zero() {
        assertThat(NetworkDayRun.walWritten(new long[] {0, 0, 0}, new long[] {1_000_000, 10, 0}, 0))
                .isEqualTo("1.0 MB, 10 records, 0 full-page images (1000.00 kB and 10.0 records a ticket)");
    }
}
