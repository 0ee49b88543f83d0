package org.guichet.server.domain.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ErlangCTest {

    /**
     * The worked example published with the R package ErlangC 0.1.0 (README on CRAN,
     * https://stat.ethz.ch/CRAN/web/packages/ErlangC/readme/README.html, after Call Centre Helper's example):
     * 100 calls in 30 minutes, 180 s average handling, target 20 s; its table for 11 to 14 agents, printed to 7
     * significant digits. The same figures for 14 agents are in pyworkforce's documentation (pypi.org/project/pyworkforce).
     */
    private static final double ARRIVALS_PER_HOUR = 200;
    private static final double HANDLING_SECONDS = 180;
    private static final double TARGET_SECONDS = 20;

    private static final double[][] PUBLISHED = {
            // agents, probability of waiting, service level, average speed of answer (s), occupancy
            {11, 0.6821182, 0.3896138, 122.78127684408, 0.9090909},
            {12, 0.4493882, 0.640158, 40.4449401868444, 0.8333333},
            {13, 0.2852705, 0.7955948, 17.1162271821896, 0.7692308},
            {14, 0.1741319, 0.88835, 7.83593701177724, 0.7142857},
    };

    @Test
    void the_published_example_for_11_to_14_counters() {
        for (double[] row : PUBLISHED) {
            ErlangC.Outcome outcome = ErlangC.outcome(ARRIVALS_PER_HOUR, HANDLING_SECONDS, (int) row[0], TARGET_SECONDS);
            assertThat(outcome.trafficErlangs()).isCloseTo(10, within(1e-12));
            assertThat(outcome.probabilityOfWaiting()).as("P(wait), %s agents", row[0]).isCloseTo(row[1], within(1e-7));
            assertThat(outcome.shareWithinTarget()).as("service level, %s agents", row[0])
                    .isCloseTo(row[2], within(1e-6));
            assertThat(outcome.averageWaitSeconds()).as("ASA, %s agents", row[0]).isCloseTo(row[3], within(1e-9));
            assertThat(outcome.occupancy()).as("occupancy, %s agents", row[0]).isCloseTo(row[4], within(1e-7));
        }
    }

    @Test
    void the_published_example_needs_14_counters_for_80_percent_within_20_seconds() {
        // 13 agents reach 79.56 %, just short of the target: the answer is 14
        ErlangC.Outcome fewest = ErlangC.fewestCounters(ARRIVALS_PER_HOUR, HANDLING_SECONDS, TARGET_SECONDS, 0.8);
        assertThat(fewest.counters()).isEqualTo(14);
        assertThat(fewest.shareWithinTarget()).isCloseTo(0.88835, within(1e-6));
        assertThat(ErlangC.fewestCounters(ARRIVALS_PER_HOUR, HANDLING_SECONDS, TARGET_SECONDS, 0.79).counters())
                .isEqualTo(13);
    }

    @Test
    void one_counter_is_the_single_server_queue() {
        // M/M/1: P(wait) = utilisation, mean wait = ρ·H / (1 − ρ), P(wait > t) = ρ·e^(−(1 − ρ)·t / H)
        ErlangC.Outcome outcome = ErlangC.outcome(6, 300, 1, 600);
        assertThat(outcome.probabilityOfWaiting()).isCloseTo(0.5, within(1e-12));
        assertThat(outcome.averageWaitSeconds()).isCloseTo(300, within(1e-9));
        assertThat(outcome.shareWithinTarget()).isCloseTo(1 - 0.5 * Math.exp(-1), within(1e-12));
    }

    @Test
    void hundreds_of_counters_stay_exact_where_factorials_would_overflow() {
        // 500 erlangs on 520 counters: A^N / N! alone is far beyond a double; the recurrence stays in [0, 1]
        ErlangC.Outcome outcome = ErlangC.outcome(6000, 300, 520, 20);
        assertThat(outcome.probabilityOfWaiting()).isBetween(0.0, 1.0);
        assertThat(outcome.shareWithinTarget()).isBetween(0.0, 1.0);
        ErlangC.Outcome more = ErlangC.outcome(6000, 300, 540, 20);
        assertThat(more.probabilityOfWaiting()).isLessThan(outcome.probabilityOfWaiting());
    }

    @Test
    void no_visitor_needs_no_counter_and_an_overload_never_settles() {
        assertThat(ErlangC.fewestCounters(0, 600, 1200, 0.8).counters()).isZero();
        ErlangC.Outcome overloaded = ErlangC.outcome(60, 600, 10, 1200);
        assertThat(overloaded.stable()).isFalse();
        assertThat(overloaded.probabilityOfWaiting()).isEqualTo(1);
        assertThat(overloaded.averageWaitSeconds()).isInfinite();
        assertThat(overloaded.shareWithinTarget()).isZero();
        assertThat(ErlangC.fewestCounters(60, 600, 1200, 0.8).counters()).isGreaterThan(10);
    }

    @Test
    void each_counter_more_calls_more_visitors_within_the_target() {
        double previous = -1;
        for (int counters = 11; counters <= 30; counters++) {
            double share = ErlangC.outcome(ARRIVALS_PER_HOUR, HANDLING_SECONDS, counters, TARGET_SECONDS)
                    .shareWithinTarget();
            assertThat(share).isGreaterThan(previous);
            previous = share;
        }
    }

    @Test
    void meaningless_inputs_are_refused() {
        assertThatThrownBy(() -> ErlangC.outcome(-1, 180, 3, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ErlangC.outcome(10, 0, 3, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ErlangC.outcome(Double.NaN, 180, 3, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ErlangC.fewestCounters(10, 180, 20, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ErlangC.fewestCounters(10, 180, 20, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
