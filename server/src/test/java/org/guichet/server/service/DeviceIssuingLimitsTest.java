package org.guichet.server.service;

import org.guichet.server.domain.Failure;
import org.guichet.server.domain.IssuingRate;
import org.guichet.server.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeviceIssuingLimitsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final DeviceIssuingLimits limits = new DeviceIssuingLimits(new IssuingRate(2, Duration.ofSeconds(30)),
            clock);

    @Test
    void a_holder_past_its_allowance_is_refused_with_the_code_given() {
        limits.take("203.0.113.7", "too_many_tickets", "Too many");
        limits.take("203.0.113.7", "too_many_tickets", "Too many");
        assertThatThrownBy(() -> limits.take("203.0.113.7", "too_many_tickets", "Too many"))
                .isInstanceOfSatisfying(Failure.class, failure -> {
                    assertThat(failure.code()).isEqualTo("too_many_tickets");
                    assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(30));
                });
    }

    @Test
    void many_addresses_seen_once_are_forgotten_once_refilled_but_a_busy_one_is_kept() {
        for (int i = 0; i <= DeviceIssuingLimits.FORGET_FULL_ABOVE; i++) {
            limits.take("address-" + i, "too_many_tickets", "Too many");
        }
        limits.take("busy", "too_many_tickets", "Too many");
        clock.advance(Duration.ofSeconds(20));
        limits.take("busy", "too_many_tickets", "Too many");
        assertThat(limits.holders()).as("nothing forgotten before a full refill")
                .isEqualTo(DeviceIssuingLimits.FORGET_FULL_ABOVE + 2);

        clock.advance(Duration.ofSeconds(21));
        limits.take("another", "too_many_tickets", "Too many");
        assertThat(limits.holders()).as("the busy holder, refilling, and the new one").isEqualTo(2);
    }
}
