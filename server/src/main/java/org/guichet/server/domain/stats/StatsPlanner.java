package org.guichet.server.domain.stats;

/**
 * Chooses between the exact per-ticket facts and the site-level rollups. Facts answer everything, exactly, in a time
 * proportional to the tickets in scope; rollups answer site-level questions over any span in a time proportional to
 * the sites and months in scope, with percentiles estimated from histograms. The facts are used up to
 * {@code factsSiteDayLimit} site-days (about 100 tickets a site-day: a site for a year and a half, or 20 sites for a
 * month), the rollups beyond, when they can answer. Facts are deleted with their tickets after the retention period
 * (docs/privacy.md): a query reaching before the first day that still has them is answered by the rollups, which
 * keep every day, so that its figures do not change when the facts go.
 */
public final class StatsPlanner {

    public static final int DEFAULT_FACTS_SITE_DAY_LIMIT = 600;

    private final int factsSiteDayLimit;

    public StatsPlanner(int factsSiteDayLimit) {
        this.factsSiteDayLimit = factsSiteDayLimit;
    }

    public boolean rollupCanAnswer(StatsQuery query) {
        return !query.hasFineFilter() && query.by().rollupCapable();
    }

    public boolean useRollup(StatsQuery query) {
        return useRollup(query, null);
    }

    /** @param firstDayWithFacts the first day whose facts are still kept, or null when all are */
    public boolean useRollup(StatsQuery query, java.time.LocalDate firstDayWithFacts) {
        return switch (query.source()) {
            case FACTS -> false;
            case ROLLUP -> true;
            case AUTO -> rollupCanAnswer(query) && (query.siteDays() > factsSiteDayLimit
                    || firstDayWithFacts != null && query.from().isBefore(firstDayWithFacts));
        };
    }
}
