package org.guichet.server.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How fast one device may issue tickets: a token bucket holding up to {@code burst} tickets, one more every
 * {@code refillEvery}. A kiosk in a real hall issues at most a few tickets a minute (a visitor reads, chooses, takes
 * the slip); the default lets a queue at the kiosk through with room to spare, and stops a stolen or broken device
 * from filling the queues. Pure: the caller keeps each device's {@link Allowance}.
 */
public record IssuingRate(int burst, Duration refillEvery) {

    /** Ten at once, then one every two seconds (30 a minute): several times what a busy kiosk does. */
    public static final IssuingRate DEVICE_DEFAULT = new IssuingRate(10, Duration.ofSeconds(2));

    public IssuingRate {
        if (burst < 1) {
            throw new IllegalArgumentException("The issuing burst must be at least 1 (got " + burst + ").");
        }
        if (refillEvery == null || refillEvery.isNegative() || refillEvery.isZero()) {
            throw new IllegalArgumentException("The issuing refill interval must be positive (got " + refillEvery
                    + ").");
        }
    }

    /** What a device may still issue at an instant: whole tickets and the part of the next one refilled. */
    public record Allowance(double tickets, Instant at) {
    }

    /** Taking one ticket: the allowance left, and how long to wait when none was left (zero when taken). */
    public record Taken(Allowance left, Duration waitFor) {

        public boolean allowed() {
            return waitFor.isZero();
        }
    }

    /** A device not seen yet: a full bucket. */
    public Allowance full(Instant now) {
        return new Allowance(burst, now);
    }

    /** Whether the allowance has refilled completely by {@code now}: the same as a holder never seen. */
    public boolean isFull(Allowance allowance, Instant now) {
        double elapsed = Math.max(0, Duration.between(allowance.at(), now).toNanos());
        return allowance.tickets() + elapsed / refillEvery.toNanos() >= burst;
    }

    /** The same rate with time running {@code speed} times faster (benchmarks that compress a day). */
    public IssuingRate faster(double speed) {
        return new IssuingRate(burst, Duration.ofNanos(Math.max(1, (long) (refillEvery.toNanos() / speed))));
    }

    /** Takes one ticket from the allowance as refilled up to {@code now}, or says how long until one is there. */
    public Taken take(Allowance before, Instant now) {
        double elapsed = Math.max(0, Duration.between(before.at(), now).toNanos());
        double tickets = Math.min(burst, before.tickets() + elapsed / refillEvery.toNanos());
        Instant at = now.isAfter(before.at()) ? now : before.at();
        if (tickets >= 1) {
            return new Taken(new Allowance(tickets - 1, at), Duration.ZERO);
        }
        long waitNanos = (long) Math.ceil((1 - tickets) * refillEvery.toNanos());
        return new Taken(new Allowance(tickets, at), Duration.ofNanos(Math.max(1, waitNanos)));
    }
}
