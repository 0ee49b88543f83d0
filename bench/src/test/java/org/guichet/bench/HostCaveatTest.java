package org.guichet.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HostCaveatTest {

    @Test
    void a_day_the_host_took_little_of_is_reported_without_a_caveat() {
        assertThat(NetworkDayBenchmark.hostCaveat(0.003)).isEmpty();
        assertThat(NetworkDayBenchmark.hostCaveat(NetworkDayBenchmark.HOST_SHARE_FOR_LATENCIES)).isEmpty();
    }

    @Test
    void a_day_the_host_took_a_fifth_of_says_its_latencies_are_not_guichets_alone() {
        // given the 1-node day of 3 December, afternoon: 658 s taken of 1,531 s of 2 cores
        double share = 658.0 / (1531 * 2);

        // then
        assertThat(NetworkDayBenchmark.hostCaveat(share)).hasValueSatisfying(caveat -> assertThat(caveat)
                .contains("the host took 21 % of this machine").contains("under 2 %"));
    }
}
