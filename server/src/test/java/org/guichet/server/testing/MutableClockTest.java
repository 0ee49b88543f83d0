package org.guichet.server.testing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class MutableClockTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void a_look_back_from_just_after_midnight_starts_at_midnight_not_the_day_before() {
        // given the suite running at 23:33 UTC in winter, 00:33 in Paris, as CounterScreenshotsTest did on 3 December
        ZonedDateTime now = Instant.parse("2026-12-03T23:33:00Z").atZone(PARIS);

        assertThat(MutableClock.startWithinTheDay(now, Duration.ofMinutes(40)))
                .isEqualTo(Instant.parse("2026-12-03T23:00:00Z"));
    }

    @Test
    void a_look_back_within_the_day_is_kept() {
        ZonedDateTime now = Instant.parse("2026-12-03T09:00:00Z").atZone(PARIS);

        assertThat(MutableClock.startWithinTheDay(now, Duration.ofMinutes(40)))
                .isEqualTo(Instant.parse("2026-12-03T08:20:00Z"));
    }

    @Test
    void late_in_the_evening_the_clock_starts_at_18_in_paris() {
        ZonedDateTime now = Instant.parse("2026-12-03T22:50:00Z").atZone(PARIS);

        assertThat(MutableClock.startWithinTheDay(now, Duration.ofMinutes(40)))
                .isEqualTo(Instant.parse("2026-12-03T17:00:00Z"));
        assertThat(MutableClock.startWithinTheDay(now, Duration.ZERO))
                .isEqualTo(Instant.parse("2026-12-03T17:00:00Z"));
    }
}
