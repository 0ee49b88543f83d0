package org.guichet.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RatioCaveatTest {

    @Test
    void two_days_in_this_jvm_say_the_second_ran_on_compiled_code() {
        // given --nodes 2,1 with the nodes in the benchmark's JVM, as on 3 December, evening
        assertThat(NetworkDayBenchmark.ratioCaveat(2, false)).hasValueSatisfying(caveat -> assertThat(caveat)
                .contains("the second day ran in this JVM after the first").contains("--nodes 2 then --nodes 1"));
    }

    @Test
    void two_days_with_nodes_in_jvms_of_their_own_say_only_the_load_was_warm() {
        assertThat(NetworkDayBenchmark.ratioCaveat(2, true)).hasValueSatisfying(caveat -> assertThat(caveat)
                .contains("servers of each day started afresh").contains("the load ran the second day in this JVM"));
    }

    @Test
    void a_single_day_has_no_ratio_and_no_caveat() {
        assertThat(NetworkDayBenchmark.ratioCaveat(1, false)).isEmpty();
        assertThat(NetworkDayBenchmark.ratioCaveat(1, true)).isEmpty();
    }
}
