package org.guichet.server.domain;

import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Visitors arriving at a training copy: independent arrivals at a steady rate (a Poisson process), each for one of the
 * copy's ticket services taken at random, one in twenty with priority, as at a real reception desk.
 */
public final class SimulatedVisitors {

    public static final int MAX_PER_HOUR = 600;
    public static final Duration MAX_DURATION = Duration.ofHours(4);
    static final double PRIORITY_SHARE = 0.05;

    /** One simulated visitor: the service asked for and the priority declared at the kiosk. */
    public record Visitor(String serviceId, PriorityClass priority) {
    }

    private SimulatedVisitors() {
    }

    /** How many visitors arrive over {@code elapsed} at {@code perHour} on average: a Poisson draw. */
    public static int arrivals(double perHour, Duration elapsed, RandomGenerator random) {
        double mean = perHour * elapsed.toMillis() / 3_600_000.0;
        if (mean <= 0) {
            return 0;
        }
        // Knuth's product of uniforms; over a few seconds at 600 an hour the mean stays small, but a long pause
        // (a node restarted) could make it large: split it so that exp(-mean) does not underflow.
        int count = 0;
        double left = mean;
        while (left > 0) {
            double part = Math.min(left, 50);
            left -= part;
            double limit = Math.exp(-part);
            double product = random.nextDouble();
            while (product > limit) {
                count++;
                product *= random.nextDouble();
            }
        }
        return count;
    }

    public static Visitor next(List<String> serviceIds, RandomGenerator random) {
        if (serviceIds.isEmpty()) {
            throw new IllegalArgumentException("no service to visit");
        }
        return new Visitor(serviceIds.get(random.nextInt(serviceIds.size())),
                random.nextDouble() < PRIORITY_SHARE ? PriorityClass.PRIORITY : PriorityClass.NORMAL);
    }

    /** Refuses a rate or a duration no training needs. */
    public static void validate(int perHour, Duration duration) {
        if (perHour < 1 || perHour > MAX_PER_HOUR) {
            throw Failure.invalid("'perHour' must be between 1 and " + MAX_PER_HOUR + " visitors an hour.");
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
            throw Failure.invalid("'minutes' must be between 1 and " + MAX_DURATION.toMinutes() + ".");
        }
    }
}
