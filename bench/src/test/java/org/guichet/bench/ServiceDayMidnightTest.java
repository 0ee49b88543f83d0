package org.guichet.bench;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceDayMidnightTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void a_day_played_across_midnight_in_paris_in_winter_is_found() {
        // given the 1-node day started at 22:53 UTC on 3 December, 17 minutes long (Paris is UTC+1 in winter)
        Instant from = Instant.parse("2026-12-03T22:53:00Z");

        assertThat(NetworkDay.midnightWithin(from, from.plusSeconds(17 * 60), PARIS))
                .contains(Instant.parse("2026-12-03T23:00:00Z"));
    }

    @Test
    void a_day_played_before_midnight_or_after_it_is_not() {
        Instant evening = Instant.parse("2026-12-03T20:55:00Z");
        Instant afterMidnight = Instant.parse("2026-12-03T23:00:01Z");

        assertThat(NetworkDay.midnightWithin(evening, evening.plusSeconds(17 * 60), PARIS)).isEmpty();
        assertThat(NetworkDay.midnightWithin(afterMidnight, afterMidnight.plusSeconds(17 * 60), PARIS)).isEmpty();
    }

    @Test
    void in_summer_paris_midnight_is_at_22_utc() {
        Instant from = Instant.parse("2026-07-01T21:50:00Z");

        assertThat(NetworkDay.midnightWithin(from, from.plusSeconds(20 * 60), PARIS))
                .contains(Instant.parse("2026-07-01T22:00:00Z"));
    }
}
