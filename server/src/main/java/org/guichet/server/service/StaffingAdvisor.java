package org.guichet.server.service;

import io.vertx.core.Future;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.ServiceDay;
import org.guichet.server.domain.stats.Occupancy;
import org.guichet.server.domain.stats.StaffingPlan;
import org.guichet.server.domain.stats.StatsQuery;
import org.guichet.server.domain.stats.StatsQueryParser;
import org.guichet.server.store.FactStats;
import org.guichet.server.store.OccupancyStore;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Staffing advice for a site's week: how many counters to open per hour and service (see {@link StaffingPlan}), from
 * the arrivals and handling times measured over the weeks before, set against what was actually opened and reached —
 * on the day itself once it has come, on the same weekday of the latest week before that.
 */
public final class StaffingAdvisor {

    public static final int DEFAULT_WEEKS = 8;
    public static final int MAX_WEEKS = 26;
    public static final int DEFAULT_TARGET_PERCENT = 80;

    /**
     * @param monday      the week planned
     * @param targetShare the share of visitors to call within their service's target, e.g. 0.8
     */
    public record Request(Catalog.Site site, LocalDate monday, int weeks, double targetShare) {
    }

    /** What happened in one hour of a measured day: counters available on average, and the calls of its arrivals. */
    public record MeasuredHour(double countersOpen, Occupancy.Result counters, long called, long withinTarget) {
    }

    /**
     * @param measuredDay the day the plan is compared with: the planned day once it has come, else the latest past day
     *                    of the same weekday
     */
    public record DayAdvice(StaffingPlan.Day plan, LocalDate measuredDay, Map<Integer, MeasuredHour> measured) {
    }

    public record Advice(Request request, LocalDate sampleFrom, LocalDate sampleTo, List<DayAdvice> days) {
    }

    private final FactStats facts;
    private final OccupancyStore occupancy;
    private final Catalogs catalogs;
    private final Clock clock;

    public StaffingAdvisor(FactStats facts, OccupancyStore occupancy, Catalogs catalogs, Clock clock) {
        this.facts = facts;
        this.occupancy = occupancy;
        this.catalogs = catalogs;
        this.clock = clock;
    }

    /**
     * Parameters: {@code siteId} (required), {@code week} (a date in the week to plan; default the coming week),
     * {@code weeks} (how many past weeks to measure, 1 to {@value #MAX_WEEKS}, default {@value #DEFAULT_WEEKS}),
     * {@code targetPercent} (50 to 99, default {@value #DEFAULT_TARGET_PERCENT}).
     */
    public Future<Advice> advise(Principal principal, Map<String, List<String>> params) {
        StatsQueryParser.requireSupervisor(principal);
        Catalog catalog = catalogs.get();
        String siteId = single(params, "siteId");
        if (siteId == null) {
            throw Failure.invalid("Give the siteId of the site to plan.");
        }
        Catalog.Site site = catalog.sites().get(siteId);
        if (site == null) {
            throw Failure.invalid("No site '" + siteId + "'.");
        }
        StatsQueryParser.requireSite(principal, siteId);
        Instant now = clock.instant();
        LocalDate today = ServiceDay.of(now, site.zone());
        String week = single(params, "week");
        LocalDate monday = week == null ? today.with(TemporalAdjusters.next(DayOfWeek.MONDAY))
                : date(week).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int weeks = number(params, "weeks", DEFAULT_WEEKS, 1, MAX_WEEKS);
        int percent = number(params, "targetPercent", DEFAULT_TARGET_PERCENT, 50, 99);
        Request request = new Request(site, monday, weeks, percent / 100.0);

        LocalDate sampleTo = monday.isAfter(today) ? today.minusDays(1) : monday.minusDays(1);
        LocalDate sampleFrom = sampleTo.minusDays(7L * weeks - 1);
        List<LocalDate> measuredDays = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            LocalDate day = monday.plusDays(i);
            measuredDays.add(day.isAfter(today)
                    ? day.minusWeeks((ChronoUnit.DAYS.between(today, day) + 6) / 7) : day);
        }
        LocalDate firstMeasured = measuredDays.stream().min(LocalDate::compareTo).orElseThrow();
        LocalDate lastMeasured = measuredDays.stream().max(LocalDate::compareTo).orElseThrow();

        Future<FactStats.Demand> demand = facts.demand(scope(siteId, sampleFrom, sampleTo));
        Future<List<FactStats.CalledInHour>> called = facts.calledByHour(scope(siteId, firstMeasured, lastMeasured));
        List<Catalog.Counter> counters = catalog.countersOf(siteId);
        Instant windowStart = firstMeasured.atStartOfDay(site.zone()).toInstant();
        Instant windowEnd = earlier(lastMeasured.plusDays(1).atStartOfDay(site.zone()).toInstant(), now);
        Future<OccupancyStore.Window> window = counters.isEmpty()
                ? Future.succeededFuture(new OccupancyStore.Window(Map.of(), Map.of(), Map.of()))
                : occupancy.window(siteId, counters.stream().map(Catalog.Counter::id).toArray(String[]::new),
                        windowStart, windowEnd);
        return Future.all(demand, called, window).map(done -> {
            StaffingPlan.Inputs inputs = inputs(catalog, site, demand.result(), request.targetShare());
            List<DayAdvice> days = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                LocalDate day = monday.plusDays(i);
                StaffingPlan.Day plan = StaffingPlan.day(day, site.opening().openingsOn(day), inputs);
                LocalDate measuredDay = measuredDays.get(i);
                days.add(new DayAdvice(plan, measuredDay,
                        measured(site, measuredDay, counters, window.result(), called.result(), now)));
            }
            return new Advice(request, sampleFrom, sampleTo, days);
        });
    }

    private static StaffingPlan.Inputs inputs(Catalog catalog, Catalog.Site site, FactStats.Demand demand,
                                              double targetShare) {
        Map<String, Integer> targets = new LinkedHashMap<>();
        catalog.servicesOf(site.id()).stream().filter(Catalog.Service::issuesTickets)
                .forEach(service -> targets.put(service.id(), service.targetWaitMinutes() * 60));
        return new StaffingPlan.Inputs(targets, demand.arrivals(), demand.sampleDays(), demand.handling(),
                targetShare, site.opening().hasHours());
    }

    /** Hour by hour on one day: the counters' time and the calls of the tickets that arrived in the hour. */
    private static Map<Integer, MeasuredHour> measured(Catalog.Site site, LocalDate day, List<Catalog.Counter> counters,
                                                       OccupancyStore.Window window,
                                                       List<FactStats.CalledInHour> called, Instant now) {
        List<Instant> boundaries = new ArrayList<>();
        for (int hour = 0; hour <= 24; hour++) {
            ZonedDateTime at = hour == 24 ? day.plusDays(1).atStartOfDay(site.zone())
                    : ZonedDateTime.of(day, LocalTime.of(hour, 0), site.zone());
            boundaries.add(earlier(at.toInstant(), now));
        }
        Occupancy.Result[] byHour = new Occupancy.Result[24];
        java.util.Arrays.fill(byHour, Occupancy.Result.NONE);
        for (Catalog.Counter counter : counters) {
            String lastKind = window.lastKindBefore().get(counter.id());
            List<Occupancy.Result> hours = Occupancy.compute(
                    lastKind == null ? null : Occupancy.statusAfter(lastKind, "CLOSED"),
                    window.counterEvents().getOrDefault(counter.id(), List.of()),
                    window.ticketEvents().getOrDefault(counter.id(), List.of()), boundaries);
            for (int hour = 0; hour < 24; hour++) {
                byHour[hour] = byHour[hour].plus(hours.get(hour));
            }
        }
        Map<Integer, long[]> calls = new HashMap<>();
        called.stream().filter(hour -> hour.day().equals(day))
                .forEach(hour -> calls.put(hour.hour(), new long[] {hour.called(), hour.withinTarget()}));
        Map<Integer, MeasuredHour> measured = new LinkedHashMap<>();
        for (int hour = 0; hour < 24; hour++) {
            long seconds = boundaries.get(hour + 1).getEpochSecond() - boundaries.get(hour).getEpochSecond();
            long[] hourCalls = calls.getOrDefault(hour, new long[2]);
            if (byHour[hour].openSeconds() > 0 || hourCalls[0] > 0) {
                measured.put(hour, new MeasuredHour(seconds <= 0 ? 0 : (double) byHour[hour].availableSeconds() / seconds,
                        byHour[hour], hourCalls[0], hourCalls[1]));
            }
        }
        return measured;
    }

    private static StatsQuery scope(String siteId, LocalDate from, LocalDate to) {
        return new StatsQuery(from, to, List.of(siteId), null, null, null, null, StatsQuery.Breakdown.NONE,
                StatsQueryParser.DEFAULT_THRESHOLD_MINUTES, StatsQuery.Source.FACTS);
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            return null;
        }
        if (values.size() > 1) {
            throw Failure.invalid("Give " + name + " once.");
        }
        return values.get(0).trim();
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw Failure.invalid("week must be a date such as 2026-12-07.");
        }
    }

    private static int number(Map<String, List<String>> params, String name, int fallback, int least, int most) {
        String text = single(params, name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= least && value <= most) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Failure.invalid(name + " must be a whole number from " + least + " to " + most + ".");
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
