package org.guichet.server.domain.stats;

/**
 * One service's call-backs over a period: how many were asked for and how they ended, the attempts, and the delay
 * from when each caller expected the call (the window's start, or the request if later) to the first call back,
 * against the service's call-back target.
 *
 * @param attempted    requests called back at least once
 * @param withinTarget requests first called back within the target
 * @param overdue      requests still open, never called, whose target has passed (missed, as a long wait is)
 */
public record CallbackFigures(String siteId, String serviceId, int targetMinutes, long requests, long answered,
                              long wrongNumber, long unreached, long expired, long open, long attempts,
                              long attempted, Double meanDelaySeconds, Double p90DelaySeconds, long withinTarget,
                              long overdue) {

    /** Requests the target can be judged on: called back, or overdue. */
    public long judged() {
        return attempted + overdue;
    }
}
