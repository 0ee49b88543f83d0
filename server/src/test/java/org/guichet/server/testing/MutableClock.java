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

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

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
        return withinTheDayInParis(Duration.ZERO);
    }

    /** Now, or 18:00 in Paris when it is later there: for a clock set back to "now" before each test. */
    public static Instant nowWithinTheDayInParis() {
        return startWithinTheDay(ZonedDateTime.now(PARIS), Duration.ZERO);
    }

    /** The same, starting {@code lookBack} before now, though never before the day's start in Paris. */
    public static MutableClock withinTheDayInParis(Duration lookBack) {
        return new MutableClock(startWithinTheDay(ZonedDateTime.now(PARIS), lookBack));
    }

    static Instant startWithinTheDay(ZonedDateTime now, Duration lookBack) {
        ZonedDateTime today = now.truncatedTo(ChronoUnit.SECONDS);
        ZonedDateTime start = today.minus(lookBack);
        ZonedDateTime earliest = today.toLocalDate().atStartOfDay(today.getZone());
        ZonedDateTime latest = today.with(LocalTime.of(18, 0));
        if (start.isBefore(earliest)) {
            start = earliest;
        }
        return (start.isAfter(latest) ? latest : start).toInstant();
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
