package org.guichet.server.domain.stats;

/**
 * The Erlang C model of a queue served by several counters (M/M/N): visitors arrive at random (Poisson) at a steady
 * rate, wait in one queue in order, and are handled by the first free counter, each handling taking an exponentially
 * distributed time of a given mean. From the arrival rate, the mean handling time and the number of counters it gives
 * the probability that a visitor waits at all, the mean wait, the share of visitors called within a target and the
 * counters' occupancy; and the fewest counters that reach a share within the target.
 * <p>
 * The offered load is A = arrivals per second × mean handling seconds (in erlangs). With N counters, Erlang B is
 * computed by its recurrence B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)), which stays exact for hundreds of counters
 * where factorials would overflow, and Erlang C from it: P(wait) = N·B(N) / (N − A·(1 − B(N))). Then the mean wait is
 * P(wait)·H / (N − A) and the share called within t is 1 − P(wait)·e^(−(N − A)·t / H). With N ≤ A the queue grows
 * without end: everyone waits and no share is reached.
 */
public final class ErlangC {

    /** Beyond this many counters a recommendation is refused rather than searched for. */
    public static final int MAX_COUNTERS = 1_000;

    /**
     * @param trafficErlangs       the offered load A
     * @param occupancy            A / N: the share of its time a counter spends handling visitors (1 when overloaded)
     * @param probabilityOfWaiting the share of visitors who find every counter busy
     * @param averageWaitSeconds   the mean wait over every visitor, infinite when overloaded
     * @param shareWithinTarget    the share of visitors called within the target
     */
    public record Outcome(int counters, double trafficErlangs, double occupancy, double probabilityOfWaiting,
                          double averageWaitSeconds, double shareWithinTarget) {

        /** Whether the queue settles: more counters than the offered load. */
        public boolean stable() {
            return counters > trafficErlangs;
        }
    }

    private ErlangC() {
    }

    /**
     * @param arrivalsPerHour visitors joining the queue per hour, at least 0
     * @param handlingSeconds mean time a counter spends per visitor (calling and serving), more than 0
     * @param counters        counters open, at least 0
     * @param targetSeconds   the wait to call within, at least 0
     */
    public static Outcome outcome(double arrivalsPerHour, double handlingSeconds, int counters, double targetSeconds) {
        if (!(arrivalsPerHour >= 0) || !(handlingSeconds > 0) || counters < 0 || !(targetSeconds >= 0)
                || Double.isInfinite(arrivalsPerHour) || Double.isInfinite(handlingSeconds)) {
            throw new IllegalArgumentException("Erlang C needs arrivals ≥ 0, handling > 0, counters ≥ 0, target ≥ 0.");
        }
        double traffic = arrivalsPerHour / 3600.0 * handlingSeconds;
        if (traffic == 0) {
            return new Outcome(counters, 0, 0, 0, 0, 1);
        }
        if (counters <= traffic) {
            return new Outcome(counters, traffic, 1, 1, Double.POSITIVE_INFINITY, 0);
        }
        double blocking = 1;
        for (int k = 1; k <= counters; k++) {
            blocking = traffic * blocking / (k + traffic * blocking);
        }
        double waiting = counters * blocking / (counters - traffic * (1 - blocking));
        double spare = counters - traffic;
        return new Outcome(counters, traffic, traffic / counters, waiting, waiting * handlingSeconds / spare,
                1 - waiting * Math.exp(-spare * targetSeconds / handlingSeconds));
    }

    /**
     * The fewest counters with which at least {@code targetShare} of visitors are called within {@code targetSeconds};
     * 0 when nobody comes.
     *
     * @param targetShare strictly between 0 and 1 (a share of 1 is never reached with random arrivals)
     */
    public static Outcome fewestCounters(double arrivalsPerHour, double handlingSeconds, double targetSeconds,
                                         double targetShare) {
        if (!(targetShare > 0 && targetShare < 1)) {
            throw new IllegalArgumentException("The target share must be between 0 and 1, both excluded.");
        }
        Outcome outcome = outcome(arrivalsPerHour, handlingSeconds, 0, targetSeconds);
        if (outcome.trafficErlangs() == 0) {
            return outcome;
        }
        for (int counters = (int) Math.floor(outcome.trafficErlangs()) + 1; counters <= MAX_COUNTERS; counters++) {
            outcome = outcome(arrivalsPerHour, handlingSeconds, counters, targetSeconds);
            if (outcome.shareWithinTarget() >= targetShare) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("More than " + MAX_COUNTERS + " counters would be needed.");
    }
}
