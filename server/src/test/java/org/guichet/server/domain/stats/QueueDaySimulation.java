package org.guichet.server.domain.stats;

import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/**
 * A day of one service's queue, simulated visitor by visitor, to check a staffing plan against what it promises:
 * visitors arrive at random (Poisson) at each hour's rate, wait in one queue in order of arrival and are called by the
 * first counter free, with as many counters open as the plan says for the hour. A counter closing at the end of an
 * hour finishes its visitor first; visitors still waiting at closing count as not called within the target. The queue
 * carries over from one hour to the next, which Erlang C (each hour on its own, in a steady state) leaves out.
 */
final class QueueDaySimulation {

    /** Visitors called within the target, over all visitors, by hour of arrival (index 24: the whole day). */
    record Result(long[] visitors, long[] within) {

        double share(int hour) {
            return visitors[hour] == 0 ? 1 : (double) within[hour] / visitors[hour];
        }

        double day() {
            return share(24);
        }
    }

    /** How a handling time is drawn, with its mean. */
    interface Handling {
        double draw(SplittableRandom random, double mean);
    }

    static final Handling EXPONENTIAL = (random, mean) -> -mean * Math.log(1 - random.nextDouble());
    /** Less variable than the exponential, as counter work usually is: the sum of three exponentials (Erlang-3). */
    static final Handling ERLANG_3 = (random, mean) -> EXPONENTIAL.draw(random, mean / 3)
            + EXPONENTIAL.draw(random, mean / 3) + EXPONENTIAL.draw(random, mean / 3);

    private QueueDaySimulation() {
    }

    /**
     * @param arrivalsPerHour by hour 0..23 (0 when closed)
     * @param counters        by hour 0..23, counters open for the service
     */
    static Result run(double[] arrivalsPerHour, int[] counters, double handlingSeconds, double targetSeconds,
                      Handling handling, int days, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] visitors = new long[25];
        long[] within = new long[25];
        int most = 0;
        for (int open : counters) {
            most = Math.max(most, open);
        }
        for (int day = 0; day < days; day++) {
            double[] freeAt = new double[most];
            double lastCall = 0;
            for (int hour = 0; hour < 24; hour++) {
                double rate = arrivalsPerHour[hour] / 3600.0;
                if (rate == 0) {
                    continue;
                }
                DoubleSupplier gap = () -> -Math.log(1 - random.nextDouble()) / rate;
                for (double at = hour * 3600 + gap.getAsDouble(); at < (hour + 1) * 3600; at += gap.getAsDouble()) {
                    double called = Double.POSITIVE_INFINITY;
                    int counter = -1;
                    for (int k = 0; k < most; k++) {
                        double when = firstOpen(counters, k, Math.max(Math.max(at, freeAt[k]), lastCall));
                        if (when < called) {
                            called = when;
                            counter = k;
                        }
                    }
                    visitors[hour]++;
                    visitors[24]++;
                    if (counter >= 0) {
                        freeAt[counter] = called + handling.draw(random, handlingSeconds);
                        lastCall = called;
                        if (called - at <= targetSeconds) {
                            within[hour]++;
                            within[24]++;
                        }
                    }
                }
            }
        }
        return new Result(visitors, within);
    }

    /** The first instant from {@code from} at which counter {@code k} is open; infinite if not again that day. */
    private static double firstOpen(int[] counters, int k, double from) {
        for (int hour = (int) (from / 3600); hour < 24; hour++) {
            if (k < counters[hour]) {
                return Math.max(from, hour * 3600);
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
