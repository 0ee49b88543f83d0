package org.guichet.server.domain.stats;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * One statistics request, validated: a period of local days (inclusive, each site's own calendar), the sites in
 * scope (never empty, all covered by the caller), optional narrower filters, how to group, and the wait threshold
 * whose share is reported besides each service's own target.
 */
public record StatsQuery(LocalDate from, LocalDate to, List<String> siteIds, String roomId, String serviceId,
                         String counterId, Long agentId, Breakdown by, int thresholdMinutes, Source source) {

    public enum Breakdown {
        NONE, SITE, ROOM, SERVICE, COUNTER, AGENT, DAY, MONTH;

        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Groupings the site-level rollups can answer. */
        public boolean rollupCapable() {
            return this == NONE || this == SITE || this == DAY || this == MONTH;
        }
    }

    /** Where figures come from: the planner's choice, or forced (facts are exact; rollups are fast). */
    public enum Source { AUTO, FACTS, ROLLUP }

    public StatsQuery {
        siteIds = List.copyOf(siteIds);
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    public long siteDays() {
        return days() * siteIds.size();
    }

    /** A filter below the site level, which only the facts can answer. */
    public boolean hasFineFilter() {
        return roomId != null || serviceId != null || counterId != null || agentId != null;
    }

    public StatsQuery withBy(Breakdown other) {
        return new StatsQuery(from, to, siteIds, roomId, serviceId, counterId, agentId, other, thresholdMinutes,
                source);
    }

    public StatsQuery withSource(Source other) {
        return new StatsQuery(from, to, siteIds, roomId, serviceId, counterId, agentId, by, thresholdMinutes, other);
    }
}
