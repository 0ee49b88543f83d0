package org.guichet.server.service;

import io.vertx.core.Future;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.stats.SatisfactionFigures;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.QueueSummary;
import org.guichet.server.domain.ServiceDay;
import org.guichet.server.domain.TrainingSites;
import org.guichet.server.domain.stats.Metrics;
import org.guichet.server.domain.stats.StatsQuery;
import org.guichet.server.domain.stats.StatsQueryParser;
import org.guichet.server.store.FactStats;
import org.guichet.server.store.SatisfactionStore;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the council publishes ("Services Publics+"), for anyone, without an account: per site, the current waits per
 * service, last month's tickets, average wait, share called within target and satisfaction, the busiest hours of the
 * week and the opening hours; for the network, the same month per site. Every month figure is the statistics' own
 * (the same queries the supervisors' API answers), never a second computation.
 */
public final class PublishedIndicators {

    /** The network's months are counted in its reference zone; each site's days stay its own local days. */
    static final ZoneId NETWORK_ZONE = ZoneId.of("Europe/Paris");
    static final int BUSIEST_SLOTS = 5;
    static final int BUSIEST_WEEKS = 4;

    /** One weekday and hour, with the mean arrivals in it over the weeks measured. */
    public record Slot(int weekday, int hour, double arrivals) {
    }

    public record SiteMonth(Catalog.Site site, Metrics month, SatisfactionFigures satisfaction) {
    }

    public record SiteIndicators(Catalog.Site site, YearMonth month, SiteMonth figures, QueueSummary live,
                                 List<Slot> busiest) {
    }

    public record NetworkIndicators(YearMonth month, Metrics total, SatisfactionFigures satisfaction,
                                    List<SiteMonth> sites) {
    }

    private final StatsService stats;
    private final FactStats facts;
    private final SatisfactionStore satisfaction;
    private final QueueSummaries summaries;
    private final Catalogs catalogs;
    private final Clock clock;

    public PublishedIndicators(StatsService stats, FactStats facts, SatisfactionStore satisfaction,
                               QueueSummaries summaries, Catalogs catalogs, Clock clock) {
        this.stats = stats;
        this.facts = facts;
        this.satisfaction = satisfaction;
        this.summaries = summaries;
        this.catalogs = catalogs;
        this.clock = clock;
    }

    /** A site's page: 404 for a site that is unknown or archived. */
    public Future<SiteIndicators> site(String siteId) {
        Catalog.Site site = catalogs.get().sites().get(siteId);
        if (site == null || !site.active() || TrainingSites.isCopy(site.id())) {
            throw Failure.notFound("No site '" + siteId + "'.");
        }
        LocalDate today = ServiceDay.of(clock.instant(), site.zone());
        YearMonth month = YearMonth.from(today).minusMonths(1);
        StatsQuery monthQuery = query(List.of(siteId), month, StatsQuery.Breakdown.NONE);
        Future<Metrics> figures = stats.overview(monthQuery).map(StatsService.Report::total);
        Future<SatisfactionFigures> answers = satisfaction.figures(monthQuery, "none").map(PublishedIndicators::first);
        Future<QueueSummary> live = summaries.summary(siteId);
        StatsQuery weeks = new StatsQuery(today.minusWeeks(BUSIEST_WEEKS), today.minusDays(1), List.of(siteId), null,
                null, null, null, StatsQuery.Breakdown.NONE, StatsQueryParser.DEFAULT_THRESHOLD_MINUTES,
                StatsQuery.Source.FACTS);
        Future<List<Slot>> busiest = facts.demand(weeks).map(PublishedIndicators::busiest);
        return Future.all(figures, answers, live, busiest).map(done -> new SiteIndicators(site, month,
                new SiteMonth(site, figures.result(), answers.result()), live.result(), busiest.result()));
    }

    /** The network's last month, or the month asked for ({@code YYYY-MM}, not after last month). */
    public Future<NetworkIndicators> network(String monthText) {
        YearMonth last = YearMonth.from(ServiceDay.of(clock.instant(), NETWORK_ZONE)).minusMonths(1);
        YearMonth month = monthText == null ? last : month(monthText, last);
        List<Catalog.Site> sites = catalogs.get().sites().values().stream().filter(Catalog.Site::active)
                .filter(site -> !TrainingSites.isCopy(site.id()))
                .sorted(Comparator.comparing(Catalog.Site::name)).toList();
        if (sites.isEmpty()) {
            return Future.succeededFuture(new NetworkIndicators(month,
                    Metrics.empty("all", null, StatsQueryParser.DEFAULT_THRESHOLD_MINUTES, true), first(List.of()),
                    List.of()));
        }
        List<String> siteIds = sites.stream().map(Catalog.Site::id).toList();
        Future<StatsService.Report> bySite = stats.breakdown(query(siteIds, month, StatsQuery.Breakdown.SITE));
        Future<Metrics> total = stats.overview(query(siteIds, month, StatsQuery.Breakdown.NONE))
                .map(StatsService.Report::total);
        Future<List<SatisfactionFigures>> answersBySite = satisfaction.figures(
                query(siteIds, month, StatsQuery.Breakdown.NONE), "site");
        Future<SatisfactionFigures> answers = satisfaction.figures(
                query(siteIds, month, StatsQuery.Breakdown.NONE), "none").map(PublishedIndicators::first);
        return Future.all(bySite, total, answersBySite, answers).map(done -> {
            Map<String, Metrics> metrics = new HashMap<>();
            bySite.result().rows().forEach(row -> metrics.put(row.key(), row));
            Map<String, SatisfactionFigures> satisfied = new HashMap<>();
            answersBySite.result().forEach(row -> satisfied.put(row.key(), row));
            List<SiteMonth> rows = new ArrayList<>();
            for (Catalog.Site site : sites) {
                rows.add(new SiteMonth(site, metrics.getOrDefault(site.id(), Metrics.empty(site.id(), site.name(),
                        StatsQueryParser.DEFAULT_THRESHOLD_MINUTES, true)),
                        satisfied.getOrDefault(site.id(), first(List.of()))));
            }
            return new NetworkIndicators(month, total.result(), answers.result(), rows);
        });
    }

    private static YearMonth month(String text, YearMonth last) {
        try {
            YearMonth month = YearMonth.parse(text);
            if (month.isAfter(last)) {
                throw Failure.invalid("month must be a month already over, " + last + " at the latest.");
            }
            return month;
        } catch (DateTimeParseException e) {
            throw Failure.invalid("month must be written as 2026-11.");
        }
    }

    private static StatsQuery query(List<String> siteIds, YearMonth month, StatsQuery.Breakdown by) {
        return new StatsQuery(month.atDay(1), month.atEndOfMonth(), siteIds, null, null, null, null, by,
                StatsQueryParser.DEFAULT_THRESHOLD_MINUTES, StatsQuery.Source.AUTO);
    }

    private static SatisfactionFigures first(List<SatisfactionFigures> figures) {
        return figures.isEmpty() ? SatisfactionFigures.none("all") : figures.get(0);
    }

    /** The weekday-hours with the most arrivals per day measured, most first. */
    static List<Slot> busiest(FactStats.Demand demand) {
        List<Slot> slots = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            if (demand.sampleDays()[day] == 0) {
                continue;
            }
            for (int hour = 0; hour < 24; hour++) {
                long arrivals = 0;
                for (long[][] service : demand.arrivals().values()) {
                    arrivals += service[day][hour];
                }
                if (arrivals > 0) {
                    slots.add(new Slot(day + 1, hour, (double) arrivals / demand.sampleDays()[day]));
                }
            }
        }
        slots.sort(Comparator.comparingDouble(Slot::arrivals).reversed().thenComparingInt(Slot::weekday)
                .thenComparingInt(Slot::hour));
        return slots.subList(0, Math.min(BUSIEST_SLOTS, slots.size()));
    }
}
