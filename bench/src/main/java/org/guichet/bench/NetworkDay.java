package org.guichet.bench;

import org.guichet.server.domain.ServiceDay;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * The plan of one compressed day of a département's network, drawn from a seed so that two runs replay the same day:
 * who arrives when and where, and what each call turns into at the counter. Pure: no server, no clock.
 *
 * <ul>
 *   <li>sites open 08:30 to 16:30; arrivals by half hour follow a Monday profile: a rush from opening to 10:30,
 *       a lunch dip, a quieter afternoon ({@link #ARRIVAL_PROFILE});</li>
 *   <li>each site has a size between 0.5 and 1.5, and gets visitors in proportion; services A, B and C take 50, 30
 *       and 20 % of them; 5 % are priority tickets and 2 % appointments (issued by an agent of the site);</li>
 *   <li>at the counter: the visitor walks up in 15 to 60 s; is served in a lognormal time (median 2.5 min, sigma
 *       0.5: most visits take 1 to 6 min); 4 % never come (no-show) and 3 % are transferred to another service
 *       after being served, where they wait again.</li>
 *   <li>agents open their counters over the quarter hour before 08:30 ({@link #counterOpening}).</li>
 * </ul>
 */
final class NetworkDay {

    static final Duration OPENING_HOURS = Duration.ofHours(8);
    /** The sites' time zone: the servers date each ticket's service day there, by the real clock. */
    static final ZoneId SITE_ZONE = ZoneId.of("Europe/Paris");
    /** Relative arrivals per half hour from 08:30 to 16:30. */
    static final double[] ARRIVAL_PROFILE = {1.6, 2.3, 2.4, 2.2, 1.8, 1.4, 0.9, 0.6, 0.8, 1.0, 1.0, 0.9, 0.8, 0.6,
            0.5, 0.3};
    static final int SERVICES_PER_SITE = 3;
    private static final double[] SERVICE_MIX = {0.5, 0.3, 0.2};
    private static final double PRIORITY_SHARE = 0.05;
    private static final double APPOINTMENT_SHARE = 0.02;
    static final double NO_SHOW_SHARE = 0.04;
    static final double TRANSFER_SHARE = 0.03;
    private static final double SERVICE_MEDIAN_SECONDS = 150;
    private static final double SERVICE_SIGMA = 0.5;

    /** A visitor: when (from opening, in simulated time), at which site and service, with which priority. */
    record Visitor(int index, Duration arrival, int site, int service, String priority) {
    }

    /** What an agent does with a called ticket, in simulated time. */
    enum Outcome { FINISH, NO_SHOW, TRANSFER }

    record Visit(Duration walk, Duration service, Outcome outcome) {
    }

    private final long seed;
    private final double[] siteWeights;

    NetworkDay(long seed, int sites) {
        this.seed = seed;
        Random random = new Random(seed);
        this.siteWeights = new double[sites];
        for (int i = 0; i < sites; i++) {
            siteWeights[i] = 0.5 + random.nextDouble();
        }
    }

    /** Every visitor of the day, by arrival. */
    List<Visitor> visitors(int count) {
        Random random = new Random(seed ^ 0x5DEECE66DL);
        double[] siteCumulative = cumulative(siteWeights);
        double[] slotCumulative = cumulative(ARRIVAL_PROFILE);
        double[] serviceCumulative = cumulative(SERVICE_MIX);
        long slotNanos = OPENING_HOURS.toNanos() / ARRIVAL_PROFILE.length;
        List<Visitor> visitors = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int slot = pick(slotCumulative, random.nextDouble());
            Duration arrival = Duration.ofNanos(slot * slotNanos + (long) (random.nextDouble() * slotNanos));
            int site = pick(siteCumulative, random.nextDouble());
            int service = pick(serviceCumulative, random.nextDouble());
            double kind = random.nextDouble();
            String priority = kind < PRIORITY_SHARE ? "PRIORITY"
                    : kind < PRIORITY_SHARE + APPOINTMENT_SHARE ? "APPOINTMENT" : "NORMAL";
            visitors.add(new Visitor(i, arrival, site, service, priority));
        }
        visitors.sort(Comparator.comparing(Visitor::arrival).thenComparingInt(Visitor::index));
        return visitors;
    }

    /** What becomes of a called ticket: the same ticket always gets the same visit in a run of the same seed. */
    Visit visit(long ticketId) {
        Random random = new Random(seed * 31 + ticketId);
        Duration walk = Duration.ofMillis(15_000 + random.nextInt(45_000));
        double seconds = SERVICE_MEDIAN_SECONDS * Math.exp(SERVICE_SIGMA * random.nextGaussian());
        double fate = random.nextDouble();
        Outcome outcome = fate < NO_SHOW_SHARE ? Outcome.NO_SHOW
                : fate < NO_SHOW_SHARE + TRANSFER_SHARE ? Outcome.TRANSFER : Outcome.FINISH;
        return new Visit(walk, Duration.ofMillis((long) (seconds * 1000)), outcome);
    }

    /**
     * How long before the opening an agent opens its counter and asks for the next visitor, into a queue still empty:
     * agents come in over the {@code window} before 08:30, each at a moment drawn from the seed, not all in the same
     * millisecond. Zero when the window is.
     */
    Duration counterOpening(int agent, Duration window) {
        if (window.isZero()) {
            return Duration.ZERO;
        }
        // SplittableRandom mixes its seed: java.util.Random's first draws from neighbouring seeds are neighbours too.
        return Duration.ofNanos((long) (new SplittableRandom(seed * 17 + agent).nextDouble() * window.toNanos()));
    }

    /** Index of the first cumulative share above {@code u} (u in [0, 1)). */
    static int pick(double[] cumulative, double u) {
        double target = u * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (target < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    static double[] cumulative(double[] weights) {
        double[] sums = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            sums[i] = sum;
        }
        return sums;
    }

    /**
     * The start of the service day after {@code from}'s ({@link ServiceDay}: midnight in {@code zone}), if it is no
     * later than {@code to}. A day played across it is split in two service days: call-next looks for the new day's
     * tickets only, leaving those issued before it waiting, so the day's figures and checks would fail for that
     * reason alone.
     */
    static Optional<Instant> midnightWithin(Instant from, Instant to, ZoneId zone) {
        Instant midnight = ServiceDay.of(from, zone).plusDays(1).atStartOfDay(zone).toInstant();
        return midnight.isAfter(to) ? Optional.empty() : Optional.of(midnight);
    }
}
