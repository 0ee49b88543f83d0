package org.guichet.server.domain.stats;

import org.guichet.server.domain.OpeningCalendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How many counters a site should open, hour by hour and service by service, on a coming day: for each hour it is
 * open, each service's arrivals per hour (measured on the same weekday and hour over past weeks) and mean handling
 * time (measured) give, through {@link ErlangC}, the fewest counters that call the target share of its visitors within
 * the service's target wait.
 * <p>
 * Each service is counted as if it had counters of its own, so the hour's total is the sum over services; counters
 * that take several services share their spare time and can do with fewer. While a site with declared opening hours
 * is open, at least one counter is recommended. A site that declares no hours is planned only for the hours in which
 * visitors came.
 */
public final class StaffingPlan {

    private static final int HOUR_SECONDS = 3600;

    /** A service's measured mean handling time (calling and serving) and over how many visitors. */
    public record Handling(double seconds, long visitors) {
    }

    /**
     * What the plan is computed from.
     *
     * @param targetSeconds each service to plan, in the order to show it, with its target wait
     * @param arrivals      per service, tickets that joined its queue over the sample, by ISO weekday − 1 and hour
     * @param sampleDays    by ISO weekday − 1, how many days of the sample the site received visitors
     * @param handling      per service, when measured; a service without is planned with the site's mean
     * @param targetShare   the share of visitors to call within their target, between 0 and 1
     * @param declaredHours whether the site declares opening hours (else it is "always open")
     */
    public record Inputs(Map<String, Integer> targetSeconds, Map<String, long[][]> arrivals, int[] sampleDays,
                         Map<String, Handling> handling, double targetShare, boolean declaredHours) {
    }

    /**
     * One service in one hour.
     *
     * @param handlingSeconds null when no handling time was ever measured at the site: no recommendation then
     * @param outcome         the fewest counters reaching the target and what they give; null without handling
     */
    public record ServiceHour(String serviceId, double arrivalsPerHour, Double handlingSeconds, int targetSeconds,
                              ErlangC.Outcome outcome) {

        public int counters() {
            return outcome == null ? 0 : outcome.counters();
        }
    }

    /** One hour of the day (local), open for {@code openSeconds} of it. */
    public record Hour(int hour, int openSeconds, List<ServiceHour> services, int counters) {
    }

    /** The plan of one date; {@code sampleDays} says on how many past days of its weekday it rests. */
    public record Day(LocalDate date, List<OpeningCalendar.Range> openings, int sampleDays, List<Hour> hours) {

        public int counterHours() {
            return hours.stream().mapToInt(Hour::counters).sum();
        }
    }

    private StaffingPlan() {
    }

    /** The plan of {@code date}, open during {@code openings} (none: closed). */
    public static Day day(LocalDate date, List<OpeningCalendar.Range> openings, Inputs inputs) {
        int weekday = date.getDayOfWeek().getValue() - 1;
        int sampleDays = inputs.sampleDays()[weekday];
        Double siteHandling = siteHandling(inputs.handling());
        List<Hour> hours = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            int openSeconds = openSeconds(openings, hour);
            if (openSeconds == 0) {
                continue;
            }
            List<ServiceHour> services = new ArrayList<>();
            int counters = 0;
            boolean visitors = false;
            for (Map.Entry<String, Integer> service : inputs.targetSeconds().entrySet()) {
                long[][] arrivals = inputs.arrivals().get(service.getKey());
                long measured = arrivals == null ? 0 : arrivals[weekday][hour];
                double perHour = sampleDays == 0 ? 0 : (double) measured / sampleDays * HOUR_SECONDS / openSeconds;
                Handling handling = inputs.handling().get(service.getKey());
                Double seconds = handling != null ? Double.valueOf(handling.seconds()) : siteHandling;
                ErlangC.Outcome outcome = seconds == null ? null
                        : ErlangC.fewestCounters(perHour, seconds, service.getValue(), inputs.targetShare());
                ServiceHour planned = new ServiceHour(service.getKey(), perHour, seconds, service.getValue(), outcome);
                services.add(planned);
                counters += planned.counters();
                visitors |= measured > 0;
            }
            if (inputs.declaredHours()) {
                hours.add(new Hour(hour, openSeconds, services, Math.max(1, counters)));
            } else if (visitors) {
                hours.add(new Hour(hour, openSeconds, services, counters));
            }
        }
        return new Day(date, openings, sampleDays, hours);
    }

    /** Seconds of the local hour {@code hour} (0..23) inside the openings. */
    static int openSeconds(List<OpeningCalendar.Range> openings, int hour) {
        int from = hour * HOUR_SECONDS;
        int to = from + HOUR_SECONDS;
        int open = 0;
        for (OpeningCalendar.Range range : openings) {
            int opens = range.opens().toSecondOfDay();
            int closes = range.closes().equals(LocalTime.MAX) ? 24 * HOUR_SECONDS : range.closes().toSecondOfDay();
            open += Math.max(0, Math.min(to, closes) - Math.max(from, opens));
        }
        return open;
    }

    /** The mean handling time over every visitor of every service measured, or null when none was. */
    private static Double siteHandling(Map<String, Handling> handling) {
        double total = 0;
        long visitors = 0;
        for (Handling measured : handling.values()) {
            total += measured.seconds() * measured.visitors();
            visitors += measured.visitors();
        }
        return visitors == 0 ? null : total / visitors;
    }
}
