package org.guichet.server.domain;

/**
 * Estimated wait told to a visitor when the ticket is issued. Uses the service's recent call rate when there is enough
 * of it, otherwise the number of open counters serving it and a default service time.
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
     * @return whole minutes, rounded up; 0 when nobody is ahead
     */
    public int estimateMinutes(int peopleAhead, int callsInWindow, int countersServing) {
        if (peopleAhead <= 0) {
            return 0;
        }
        double minutes;
        if (callsInWindow >= MIN_OBSERVED_CALLS) {
            double callsPerMinute = (double) callsInWindow / windowMinutes;
            minutes = peopleAhead / callsPerMinute;
        } else {
            minutes = peopleAhead * defaultServiceMinutes / Math.max(1, countersServing);
        }
        return (int) Math.ceil(minutes);
    }

    public int windowMinutes() {
        return windowMinutes;
    }
}
