package org.guichet.server.service;

import org.guichet.server.domain.Failure;
import org.guichet.server.domain.IssuingRate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Each device's issuing allowance on this node ({@link IssuingRate}); agents are not limited. Per node: behind a load
 * balancer spreading one kiosk's requests over n nodes, the kiosk may issue up to n times the rate — still bounded,
 * and a kiosk's requests normally stay on one node. Thread-safe (one holder per node, shared by its HTTP verticles).
 * Also holds other keys' allowances (the addresses of visitors' phones): past {@link #FORGET_FULL_ABOVE} entries, those
 * refilled completely are forgotten (the same as never seen), so that the map stays as small as the keys active now.
 */
public final class DeviceIssuingLimits {

    static final int FORGET_FULL_ABOVE = 1_000;
    private static final Duration SWEEP_EVERY = Duration.ofSeconds(10);

    private final IssuingRate rate;
    private final Clock clock;
    private final Map<String, IssuingRate.Allowance> allowances = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> sweptAt = new AtomicReference<>(Instant.MIN);

    public DeviceIssuingLimits(IssuingRate rate, Clock clock) {
        this.rate = rate;
        this.clock = clock;
    }

    /** Takes one ticket from the device's allowance; fails as too many attempts, saying when to try again. */
    public void take(String deviceId) {
        take(deviceId, "issuing_throttled", "This device is issuing tickets faster than a waiting room can");
    }

    /**
     * Takes one ticket from the allowance kept under {@code key}; fails as too many attempts with this code and
     * sentence, followed by when to try again.
     */
    public void take(String key, String code, String refusal) {
        forgetFullAllowances();
        IssuingRate.Taken[] taken = new IssuingRate.Taken[1];
        allowances.compute(key, (id, before) -> {
            taken[0] = rate.take(before == null ? rate.full(clock.instant()) : before, clock.instant());
            return taken[0].left();
        });
        if (!taken[0].allowed()) {
            long seconds = Failure.wholeSeconds(taken[0].waitFor());
            throw Failure.tooManyAttempts(code, refusal + "; try again in " + seconds
                    + (seconds == 1 ? " second." : " seconds."), taken[0].waitFor());
        }
    }

    /** How many holders have an allowance here. */
    int holders() {
        return allowances.size();
    }

    /** At most every {@link #SWEEP_EVERY}, and only past {@link #FORGET_FULL_ABOVE} entries. */
    private void forgetFullAllowances() {
        if (allowances.size() <= FORGET_FULL_ABOVE) {
            return;
        }
        Instant now = clock.instant();
        Instant last = sweptAt.get();
        if (now.isBefore(last.plus(SWEEP_EVERY)) || !sweptAt.compareAndSet(last, now)) {
            return;
        }
        allowances.values().removeIf(allowance -> rate.isFull(allowance, now));
    }
}
