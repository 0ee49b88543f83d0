package org.guichet.server.domain;

import java.time.Duration;
import java.time.Instant;

/** One service's queue on its service day: how many wait, and since when the oldest arrived. */
public record WaitingQueue(String siteId, String serviceId, int waiting, Instant oldestArrival) {

    public long longestWaitSeconds(Instant now) {
        return Math.max(0, Duration.between(oldestArrival, now).toSeconds());
    }

    /** Someone has waited longer than the service's target. */
    public boolean overTarget(int targetWaitMinutes, Instant now) {
        return waiting > 0 && longestWaitSeconds(now) > targetWaitMinutes * 60L;
    }
}
