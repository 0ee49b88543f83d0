package org.guichet.server.domain.stats;

import org.guichet.server.domain.Failure;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.Role;
import org.guichet.server.testing.TestCatalog;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.guichet.server.domain.Failure.Kind.INVALID;
import static org.guichet.server.domain.Failure.Kind.NOT_ALLOWED;

class StatsQueryParserTest {

    /** 23:30 UTC on 10 March is already 11 March in Paris and in Nouméa. */
    private static final Instant NOW = Instant.parse("2026-03-10T23:30:00Z");

    private static StatsQuery parse(Principal principal, Map<String, List<String>> params) {
        return new StatsQueryParser(TestCatalog.twoSites(), principal, NOW).parse(params);
    }

    private static Principal supervisor(String... sites) {
        return Principal.agent(7, "sup", Role.SUPERVISOR, Set.of(sites));
    }

    private static Failure.Kind failure(Runnable action) {
        try {
            action.run();
            return null;
        } catch (Failure e) {
            return e.kind();
        }
    }

    @Test
    void defaults_to_today_in_the_site_zone_and_every_covered_site() {
        StatsQuery query = parse(supervisor("s1", "s2"), Map.of());
        assertThat(query.siteIds()).containsExactly("s1", "s2");
        assertThat(query.from()).isEqualTo(LocalDate.of(2026, 3, 11));
        assertThat(query.to()).isEqualTo(query.from());
        assertThat(query.by()).isEqualTo(StatsQuery.Breakdown.NONE);
        assertThat(query.thresholdMinutes()).isEqualTo(20);
        assertThat(query.source()).isEqualTo(StatsQuery.Source.AUTO);

        StatsQuery admin = parse(Principal.agent(1, "admin", Role.ADMIN, Set.of()), Map.of());
        assertThat(admin.siteIds()).containsExactly("s1", "s2");
    }

    @Test
    void a_narrower_filter_chooses_its_site() {
        StatsQuery query = parse(supervisor("s1", "s2"), Map.of("counterId", List.of("c1"), "from",
                List.of("2026-03-01"), "to", List.of("2026-03-31"), "by", List.of("agent")));
        assertThat(query.siteIds()).containsExactly("s1");
        assertThat(query.hasFineFilter()).isTrue();
        assertThat(query.days()).isEqualTo(31);
        assertThat(parse(supervisor("s1", "s2"), Map.of("siteId", List.of("s2,s1"))).siteIds())
                .containsExactly("s2", "s1");
    }

    @Test
    void refusals() {
        assertThat(failure(() -> parse(Principal.agent(3, "agent", Role.AGENT, Set.of("s1")), Map.of()))).isEqualTo(NOT_ALLOWED);
        assertThat(failure(() -> parse(Principal.device("kiosk-1", "kiosk", "s1", null, null), Map.of())))
                .isEqualTo(NOT_ALLOWED);
        assertThat(failure(() -> parse(supervisor("s1"), Map.of("siteId", List.of("s2"))))).isEqualTo(NOT_ALLOWED);
        assertThat(failure(() -> parse(supervisor("s1"), Map.of("serviceId", List.of("svc-z"))))).isEqualTo(NOT_ALLOWED);
        assertThat(failure(() -> parse(supervisor("s1"), Map.of("siteId", List.of("s1"), "serviceId",
                List.of("svc-a,svc-b"))))).isEqualTo(INVALID);
        assertThat(failure(() -> parse(supervisor("s1"), Map.of("thresholdMinutes", List.of("75"))))).isNull();
        assertThat(failure(() -> parse(supervisor("s1"), Map.of("thresholdMinutes", List.of("0"))))).isEqualTo(INVALID);
        assertThat(failure(() -> parse(supervisor("s1"), Map.of("source", List.of("rollup"), "by",
                List.of("counter"))))).isEqualTo(INVALID);
        assertThat(failure(() -> parse(supervisor("s1"), Map.of("by", List.of("day"), "from", List.of("2026-01-01"),
                "to", List.of("2026-04-03"))))).as("93 days").isEqualTo(INVALID);
        assertThat(failure(() -> parse(supervisor("s1"), Map.of("by", List.of("day"), "from", List.of("2026-01-01"),
                "to", List.of("2026-04-02"))))).as("92 days").isNull();
        assertThatThrownBy(() -> parse(supervisor("s1"), Map.of("to", List.of("29/03/2026"))))
                .hasMessageContaining("2026-03-29");
    }

    @Test
    void the_planner_keeps_small_scopes_on_exact_facts() {
        StatsPlanner planner = new StatsPlanner(600);
        StatsQuery oneSiteYear = parse(supervisor("s1"), Map.of("from", List.of("2025-01-01"), "to",
                List.of("2025-12-31")));
        assertThat(planner.useRollup(oneSiteYear)).isFalse();
        StatsQuery twoSitesYear = parse(supervisor("s1", "s2"), Map.of("from", List.of("2025-01-01"), "to",
                List.of("2025-12-31"), "by", List.of("site")));
        assertThat(planner.useRollup(twoSitesYear)).isTrue();
        assertThat(planner.useRollup(twoSitesYear.withBy(StatsQuery.Breakdown.SERVICE))).isFalse();
        assertThat(planner.useRollup(twoSitesYear.withSource(StatsQuery.Source.FACTS))).isFalse();
        assertThat(planner.useRollup(oneSiteYear.withSource(StatsQuery.Source.ROLLUP))).isTrue();
    }
}
