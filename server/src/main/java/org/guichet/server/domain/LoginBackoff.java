package org.guichet.server.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How long log-ins stay refused after failed ones, for one account or one client address: the first
 * {@code freeFailures} cost nothing (typing mistakes), each further failure doubles a delay from {@code firstDelay},
 * and from {@code lockAfter} failures every new failure locks for {@code lock}. Failures are forgotten after
 * {@code forgetAfter} without a new one (and, for an account, at its next successful log-in).
 */
public record LoginBackoff(int freeFailures, Duration firstDelay, int lockAfter, Duration lock, Duration forgetAfter) {

    /** An account: 4 free failures, then 1, 2, 4, 8, 16 s, and from the 10th a 15-minute lock. */
    public static final LoginBackoff ACCOUNT = new LoginBackoff(4, Duration.ofSeconds(1), 10, Duration.ofMinutes(15),
            Duration.ofHours(1));

    /**
     * A client address, which a whole building may share behind its router: more free failures (30), the same
     * doubling, and from the 40th a 15-minute lock. Together with the account's bound, guessing many accounts' passwords
     * from one address gets about 40 tries per quarter hour.
     */
    public static final LoginBackoff ADDRESS = new LoginBackoff(30, Duration.ofSeconds(1), 40, Duration.ofMinutes(15),
            Duration.ofHours(1));

    public LoginBackoff {
        if (freeFailures < 0 || lockAfter <= freeFailures) {
            throw new IllegalArgumentException("lockAfter must come after the free failures");
        }
    }

    /** How long log-ins are refused right after the {@code failures}-th failure in a row. */
    public Duration refusalAfter(int failures) {
        if (failures <= freeFailures) {
            return Duration.ZERO;
        }
        if (failures >= lockAfter) {
            return lock;
        }
        int doublings = Math.min(30, failures - freeFailures - 1);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(lock) > 0 ? lock : delay;
    }

    /** The failures to count after a new one, given those counted and when the last was. */
    public int failuresAfterOneMore(int counted, Instant lastFailure, Instant now) {
        boolean forgotten = lastFailure == null || !lastFailure.plus(forgetAfter).isAfter(now);
        return forgotten ? 1 : counted + 1;
    }

    /** Failures older than this are forgotten. */
    public Instant forgottenBefore(Instant now) {
        return now.minus(forgetAfter);
    }
}
