package org.guichet.server.domain;

import java.util.OptionalInt;

/**
 * Estimated wait told to a visitor when the ticket is issued. Uses the service's recent call rate when there is enough
 * of it, otherwise the number of open counters serving it and a default service time. With no counter open for the
 * service there is no estimate: nobody can say when one opens, and "less than a minute" would be a false promise.
 */
public final class WaitEstimator {

    /** Calls needed in the window before the observed rate is trusted. */
    static final int MIN_OBSERVED_CALLS = 3;

    private final int windowMinutes;
    private final double defaultServiceMinutes;

    public WaitEstimator(int windowMinutes, double defaultServiceMinutes) {
        this.windowMinutes = windowMinutes;
        this.defaultServiceMinutes = defaultServiceMinutes;
    }

    /**
     * @param peopleAhead       tickets of the same service that will be called before this one
     * @param callsInWindow     tickets of that service called in the last {@code windowMinutes}
     * @param countersServing   counters now open that serve the service
     * @return whole minutes, rounded up; 0 when nobody is ahead; empty when no counter serving it is open
     */
    public OptionalInt estimateMinutes(int peopleAhead, int callsInWindow, int countersServing) {
        if (countersServing <= 0) {
            return OptionalInt.empty();
        }
        if (peopleAhead <= 0) {
            return OptionalInt.of(0);
        }
        double minutes;
        if (callsInWindow >= MIN_OBSERVED_CALLS) {
            double callsPerMinute = (double) callsInWindow / windowMinutes;
            minutes = peopleAhead / callsPerMinute;
        } else {
            minutes = peopleAhead * defaultServiceMinutes / countersServing;
        }
        return OptionalInt.of((int) Math.ceil(minutes));
    }

    public int windowMinutes() {
        return windowMinutes;
    }
}
