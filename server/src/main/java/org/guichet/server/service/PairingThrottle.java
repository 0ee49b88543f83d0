package org.guichet.server.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Counts wrong pairing codes on this instance: after {@link #MAX_FAILURES} within {@link #WINDOW}, every redemption is
 * refused until the oldest of them is a window old. Together with the codes' size (31^8), their ten-minute life and
 * the five wrong guesses that burn one, this bounds what guessing can win: at most 20 guesses a minute per instance,
 * so with 500 codes pending at once, about one chance in a million per hour. Thread-safe (one holder per
 * instance, shared by its HTTP verticles).
 */
final class PairingThrottle {

    static final int MAX_FAILURES = 20;
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final Clock clock;
    private final Deque<Instant> failures = new ArrayDeque<>();

    PairingThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long redemptions stay refused, or empty when they are not. */
    synchronized Optional<Duration> refusedFor() {
        Instant now = clock.instant();
        prune(now);
        if (failures.size() < MAX_FAILURES) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, failures.peekFirst().plus(WINDOW)));
    }

    synchronized void failed() {
        Instant now = clock.instant();
        prune(now);
        failures.addLast(now);
    }

    private void prune(Instant now) {
        Instant oldest = now.minus(WINDOW);
        while (!failures.isEmpty() && !failures.peekFirst().isAfter(oldest)) {
            failures.removeFirst();
        }
    }
}
