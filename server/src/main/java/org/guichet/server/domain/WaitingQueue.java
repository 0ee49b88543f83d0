package org.guichet.server.domain;

import java.time.Duration;
import java.time.Instant;

/** One service's queue on its service day: how many wait, and since when the oldest arrived. */
public record WaitingQueue(String siteId, String serviceId, int waiting, Instant oldestArrival) {

    /** How long someone who arrived then has waited by now; never negative, should another instance's clock lead. */
    public static long waitedSeconds(Instant arrival, Instant now) {
        return Math.max(0, Duration.between(arrival, now).toSeconds());
    }

    public long longestWaitSeconds(Instant now) {
        return waitedSeconds(oldestArrival, now);
    }

    /** Someone has waited longer than the service's target. */
    public boolean overTarget(Catalog catalog, Instant now) {
        return waiting > 0 && catalog.overTarget(serviceId, longestWaitSeconds(now));
    }
}
