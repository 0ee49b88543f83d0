package org.guichet.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class CounterOpeningTest {

    private static final Duration QUARTER_HOUR = Duration.ofMinutes(15);

    @Test
    void agents_open_their_counters_within_the_window_before_the_opening() {
        NetworkDay day = new NetworkDay(15, 250);

        IntStream.range(0, 400).mapToObj(agent -> day.counterOpening(agent, QUARTER_HOUR))
                .forEach(before -> assertThat(before).isBetween(Duration.ZERO, QUARTER_HOUR.minusNanos(1)));
    }

    @Test
    void they_come_in_spread_over_it_not_in_one_burst() {
        // given 400 agents over a quarter hour: 26.7 a minute on average
        NetworkDay day = new NetworkDay(15, 250);
        int[] byMinute = new int[15];

        IntStream.range(0, 400).forEach(agent -> byMinute[(int) day.counterOpening(agent, QUARTER_HOUR).toMinutes()]++);

        // then every minute has some and none has a third of them
        assertThat(IntStream.of(byMinute).boxed()).allSatisfy(count -> assertThat(count).isBetween(10, 50));
    }

    @Test
    void the_same_seed_opens_the_same_counters_at_the_same_moments_and_another_does_not() {
        NetworkDay day = new NetworkDay(15, 250);
        NetworkDay again = new NetworkDay(15, 250);
        NetworkDay other = new NetworkDay(16, 250);

        assertThat(day.counterOpening(7, QUARTER_HOUR)).isEqualTo(again.counterOpening(7, QUARTER_HOUR));
        assertThat(IntStream.range(0, 20).filter(agent -> !day.counterOpening(agent, QUARTER_HOUR)
                .equals(other.counterOpening(agent, QUARTER_HOUR))).count()).isEqualTo(20);
    }

    @Test
    void with_no_window_every_counter_opens_at_the_opening() {
        NetworkDay day = new NetworkDay(15, 250);

        assertThat(IntStream.range(0, 400).mapToObj(agent -> day.counterOpening(agent, Duration.ZERO)))
                .containsOnly(Duration.ZERO);
    }
}
