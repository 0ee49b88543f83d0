package org.guichet.server.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IssuingRateTest {

    private static final Instant T0 = Instant.parse("2026-03-10T09:00:00Z");
    private static final IssuingRate RATE = new IssuingRate(3, Duration.ofSeconds(2));

    @Test
    void a_burst_is_allowed_then_one_ticket_per_refill_interval() {
        IssuingRate.Allowance allowance = RATE.full(T0);
        for (int i = 0; i < 3; i++) {
            IssuingRate.Taken taken = RATE.take(allowance, T0);
            assertThat(taken.allowed()).as("ticket " + (i + 1) + " of the burst").isTrue();
            allowance = taken.left();
        }
        IssuingRate.Taken refused = RATE.take(allowance, T0);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.waitFor()).isEqualTo(Duration.ofSeconds(2));

        IssuingRate.Taken halfway = RATE.take(refused.left(), T0.plusSeconds(1));
        assertThat(halfway.allowed()).isFalse();
        assertThat(halfway.waitFor()).isEqualTo(Duration.ofSeconds(1));

        IssuingRate.Taken refilled = RATE.take(halfway.left(), T0.plusSeconds(2));
        assertThat(refilled.allowed()).isTrue();
        assertThat(RATE.take(refilled.left(), T0.plusSeconds(2)).allowed()).isFalse();
    }

    @Test
    void a_long_pause_refills_no_more_than_the_burst() {
        IssuingRate.Allowance empty = new IssuingRate.Allowance(0, T0);
        IssuingRate.Allowance allowance = empty;
        int issued = 0;
        Instant later = T0.plus(Duration.ofHours(1));
        IssuingRate.Taken taken = RATE.take(allowance, later);
        while (taken.allowed()) {
            issued++;
            taken = RATE.take(taken.left(), later);
        }
        assertThat(issued).isEqualTo(3);
    }

    @Test
    void a_clock_going_back_neither_refills_nor_breaks_the_allowance() {
        IssuingRate.Allowance spent = new IssuingRate.Allowance(0, T0);
        IssuingRate.Taken taken = RATE.take(spent, T0.minusSeconds(30));
        assertThat(taken.allowed()).isFalse();
        assertThat(taken.left().at()).isEqualTo(T0);
        assertThat(taken.waitFor()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void faster_divides_the_refill_interval_and_keeps_the_burst() {
        IssuingRate fast = RATE.faster(40);
        assertThat(fast.burst()).isEqualTo(3);
        assertThat(fast.refillEvery()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void a_rate_needs_a_burst_and_a_positive_interval() {
        assertThatThrownBy(() -> new IssuingRate(0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IssuingRate(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IssuingRate(1, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
