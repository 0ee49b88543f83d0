package org.guichet.server.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests can set and move forward. */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;

    public MutableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /**
     * A clock starting now, or at 18:00 in Paris when it is later there: a test that moves it on by an hour or two
     * then stays within site s1's service day, whatever time the suite runs (run near midnight, such a test saw
     * its first tickets become yesterday's).
     */
    public static MutableClock withinTheDayInParis() {
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Europe/Paris")).truncatedTo(ChronoUnit.SECONDS);
        ZonedDateTime latest = now.with(LocalTime.of(18, 0));
        return new MutableClock((now.isAfter(latest) ? latest : now).toInstant());
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    public void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
