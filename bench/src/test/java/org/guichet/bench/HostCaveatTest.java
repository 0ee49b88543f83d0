package org.guichet.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HostCaveatTest {

    @Test
    void a_day_the_host_took_little_of_is_reported_without_a_caveat() {
        // given the two days of 3 December, morning, that met every target: 5 s and 1 s taken of 1,620
        assertThat(NetworkDayBenchmark.hostCaveat(5.0 / 1620)).isEmpty();
        assertThat(NetworkDayBenchmark.hostCaveat(1.0 / 1620)).isEmpty();
        assertThat(NetworkDayBenchmark.hostCaveat(NetworkDayBenchmark.HOST_SHARE_FOR_LATENCIES)).isEmpty();
    }

    @Test
    void a_day_whose_steal_could_not_be_read_has_no_caveat_rather_than_a_wrong_one() {
        assertThat(NetworkDayBenchmark.hostCaveat(Double.NaN)).isEmpty();
    }

    @Test
    void a_day_the_host_took_a_fifth_of_says_its_latencies_are_not_guichets_alone() {
        // given the 1-node day of 3 December, afternoon: 658 s taken of 1,531 s of 2 cores
        double share = 658.0 / (1531 * 2);

        // then
        assertThat(NetworkDayBenchmark.hostCaveat(share)).hasValueSatisfying(caveat -> assertThat(caveat)
                .contains("the host took 21.5 % of this machine").contains("under 0.5 %"));
    }
}
