package org.guichet.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NothingBrokenVerdictTest {

    @Test
    void a_target_nothing_may_break_is_met_only_at_zero() {
        assertThat(NetworkDayBenchmark.none("no lost call", 0, " deliveries")).isEqualTo("no lost call: met");
        assertThat(NetworkDayBenchmark.none("no lost call", 1, " deliveries"))
                .isEqualTo("no lost call: MISSED (1 deliveries)");
    }

    @Test
    void a_count_without_a_unit_is_given_bare() {
        assertThat(NetworkDayBenchmark.none("no double call or number", 3, ""))
                .isEqualTo("no double call or number: MISSED (3)");
    }
}
