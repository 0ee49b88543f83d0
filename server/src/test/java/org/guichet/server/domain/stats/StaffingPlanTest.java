package org.guichet.server.domain.stats;

import org.guichet.server.domain.OpeningCalendar.Range;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StaffingPlanTest {

    private static final LocalDate MONDAY = LocalDate.parse("2026-12-07");
    private static final List<Range> MORNING_AND_AFTERNOON = List.of(range("08:30", "12:00"), range("13:30", "17:00"));

    private static Range range(String opens, String closes) {
        return new Range(LocalTime.parse(opens), LocalTime.parse(closes));
    }

    /** Arrivals measured on Mondays only, for the given hours, over {@code mondays} Mondays. */
    private static long[][] mondays(Map<Integer, Long> byHour) {
        long[][] arrivals = new long[7][24];
        byHour.forEach((hour, count) -> arrivals[0][hour] = count);
        return arrivals;
    }

    private static int[] sampleDays(int mondays) {
        return new int[] {mondays, 0, 0, 0, 0, 0, 0};
    }

    @Test
    void an_hour_counts_only_its_open_part() {
        assertThat(StaffingPlan.openSeconds(MORNING_AND_AFTERNOON, 7)).isZero();
        assertThat(StaffingPlan.openSeconds(MORNING_AND_AFTERNOON, 8)).isEqualTo(1800);
        assertThat(StaffingPlan.openSeconds(MORNING_AND_AFTERNOON, 11)).isEqualTo(3600);
        assertThat(StaffingPlan.openSeconds(MORNING_AND_AFTERNOON, 12)).isZero();
        assertThat(StaffingPlan.openSeconds(MORNING_AND_AFTERNOON, 13)).isEqualTo(1800);
        assertThat(StaffingPlan.openSeconds(List.of(new Range(LocalTime.MIN, LocalTime.MAX)), 23)).isEqualTo(3600);
    }

    @Test
    void each_open_hour_gets_the_fewest_counters_that_reach_the_target_share() {
        // 4 Mondays measured: 800 visitors in the 9 o'clock hour = 200 an hour; 400 in the half hour open from 08:30 =
        // also 200 an hour. With 180 s each and a 20 s target, Erlang C needs 14 counters for 80 % (the published
        // example of ErlangCTest)
        Map<String, Integer> targets = Map.of("svc-a", 20);
        StaffingPlan.Inputs inputs = new StaffingPlan.Inputs(targets,
                Map.of("svc-a", mondays(Map.of(8, 400L, 9, 800L, 10, 40L))), sampleDays(4),
                Map.of("svc-a", new StaffingPlan.Handling(180, 500)), 0.8, true);

        StaffingPlan.Day day = StaffingPlan.day(MONDAY, MORNING_AND_AFTERNOON, inputs);

        assertThat(day.sampleDays()).isEqualTo(4);
        assertThat(day.hours()).extracting(StaffingPlan.Hour::hour).containsExactly(8, 9, 10, 11, 13, 14, 15, 16);
        StaffingPlan.Hour eight = day.hours().get(0);
        assertThat(eight.openSeconds()).isEqualTo(1800);
        assertThat(eight.services().get(0).arrivalsPerHour()).isCloseTo(200, within(1e-9));
        assertThat(eight.counters()).isEqualTo(14);
        assertThat(day.hours().get(1).counters()).isEqualTo(14);
        assertThat(day.hours().get(1).services().get(0).outcome().shareWithinTarget())
                .isCloseTo(0.88835, within(1e-6));
        // 10 an hour at 180 s = 0.5 erlang: one counter calls 80 % within 20 s? 1 − 0.5·e^(−0.5·20/180) = 52.7 %: no
        assertThat(day.hours().get(2).counters()).isEqualTo(2);
        // open, nobody measured: one counter still opens
        assertThat(day.hours().get(3).services().get(0).counters()).isZero();
        assertThat(day.hours().get(3).counters()).isEqualTo(1);
        assertThat(day.counterHours()).isEqualTo(14 + 14 + 2 + 5);
    }

    @Test
    void each_service_is_planned_on_its_own_and_the_hour_adds_them_up() {
        Map<String, Integer> targets = new LinkedHashMap<>();
        targets.put("svc-a", 1200);
        targets.put("svc-b", 600);
        StaffingPlan.Inputs inputs = new StaffingPlan.Inputs(targets,
                Map.of("svc-a", mondays(Map.of(9, 24L)), "svc-b", mondays(Map.of(9, 12L))), sampleDays(2),
                Map.of("svc-a", new StaffingPlan.Handling(900, 40), "svc-b", new StaffingPlan.Handling(300, 10)),
                0.8, true);

        StaffingPlan.Hour nine = StaffingPlan.day(MONDAY, MORNING_AND_AFTERNOON, inputs).hours().get(1);

        assertThat(nine.services()).extracting(StaffingPlan.ServiceHour::serviceId).containsExactly("svc-a", "svc-b");
        StaffingPlan.ServiceHour a = nine.services().get(0);
        StaffingPlan.ServiceHour b = nine.services().get(1);
        assertThat(a.arrivalsPerHour()).isEqualTo(12);
        assertThat(b.arrivalsPerHour()).isEqualTo(6);
        assertThat(a.counters()).isEqualTo(ErlangC.fewestCounters(12, 900, 1200, 0.8).counters());
        assertThat(b.counters()).isEqualTo(ErlangC.fewestCounters(6, 300, 600, 0.8).counters());
        assertThat(nine.counters()).isEqualTo(a.counters() + b.counters());
    }

    @Test
    void a_service_never_measured_is_planned_with_the_sites_mean_handling_and_without_any_there_is_no_advice() {
        Map<String, Integer> targets = new LinkedHashMap<>();
        targets.put("svc-a", 1200);
        targets.put("svc-new", 1200);
        Map<String, long[][]> arrivals = Map.of("svc-a", mondays(Map.of(9, 10L)), "svc-new", mondays(Map.of(9, 10L)));
        StaffingPlan.Inputs measured = new StaffingPlan.Inputs(targets, arrivals, sampleDays(1),
                Map.of("svc-a", new StaffingPlan.Handling(600, 30)), 0.8, true);

        StaffingPlan.ServiceHour fresh = StaffingPlan.day(MONDAY, MORNING_AND_AFTERNOON, measured).hours().get(1)
                .services().get(1);
        assertThat(fresh.handlingSeconds()).isEqualTo(600);

        StaffingPlan.Inputs nothing = new StaffingPlan.Inputs(targets, arrivals, sampleDays(1), Map.of(), 0.8, true);
        StaffingPlan.Hour nine = StaffingPlan.day(MONDAY, MORNING_AND_AFTERNOON, nothing).hours().get(1);
        assertThat(nine.services()).allSatisfy(service -> {
            assertThat(service.handlingSeconds()).isNull();
            assertThat(service.outcome()).isNull();
        });
        assertThat(nine.counters()).as("the doors are open").isEqualTo(1);
    }

    @Test
    void a_closed_day_has_no_hours_and_a_site_without_declared_hours_is_planned_where_visitors_came() {
        Map<String, Integer> targets = Map.of("svc-a", 1200);
        Map<String, long[][]> arrivals = Map.of("svc-a", mondays(Map.of(10, 30L, 14, 3L)));
        Map<String, StaffingPlan.Handling> handling = Map.of("svc-a", new StaffingPlan.Handling(600, 33));

        assertThat(StaffingPlan.day(MONDAY, List.of(),
                new StaffingPlan.Inputs(targets, arrivals, sampleDays(3), handling, 0.8, true)).hours()).isEmpty();

        StaffingPlan.Day always = StaffingPlan.day(MONDAY, List.of(new Range(LocalTime.MIN, LocalTime.MAX)),
                new StaffingPlan.Inputs(targets, arrivals, sampleDays(3), handling, 0.8, false));
        assertThat(always.hours()).extracting(StaffingPlan.Hour::hour).containsExactly(10, 14);
        assertThat(always.hours().get(0).services().get(0).arrivalsPerHour()).isEqualTo(10);
    }

    @Test
    void a_weekday_never_measured_rests_on_no_sample() {
        StaffingPlan.Day tuesday = StaffingPlan.day(MONDAY.plusDays(1), MORNING_AND_AFTERNOON,
                new StaffingPlan.Inputs(Map.of("svc-a", 1200), Map.of("svc-a", mondays(Map.of(9, 40L))),
                        sampleDays(4), Map.of("svc-a", new StaffingPlan.Handling(600, 40)), 0.8, true));
        assertThat(tuesday.sampleDays()).isZero();
        assertThat(tuesday.hours()).allSatisfy(hour -> assertThat(hour.counters()).isEqualTo(1));
    }

    /**
     * A Monday of one service, planned from its measured profile, then lived 400 times visitor by visitor with the
     * counters the plan opens: the share called within the target must be reached, with handling times as random as
     * Erlang C assumes (exponential) and with steadier ones; one counter fewer in every hour must miss it.
     */
    @Test
    void the_plan_reaches_its_target_share_in_a_simulation_of_the_same_day() {
        double[] perHour = new double[24];
        double[] profile = {30, 55, 48, 36, 22, 28, 40, 34, 16};
        long[][] measured = new long[7][24];
        for (int i = 0; i < profile.length; i++) {
            perHour[8 + i] = profile[i];
            measured[0][8 + i] = Math.round(profile[i] * 6);
        }
        double handling = 540;
        int target = 15 * 60;
        StaffingPlan.Day day = StaffingPlan.day(MONDAY, List.of(range("08:00", "17:00")),
                new StaffingPlan.Inputs(Map.of("svc-a", target), Map.of("svc-a", measured), sampleDays(6),
                        Map.of("svc-a", new StaffingPlan.Handling(handling, 1000)), 0.8, true));
        int[] counters = new int[24];
        int[] fewer = new int[24];
        day.hours().forEach(hour -> {
            counters[hour.hour()] = hour.counters();
            fewer[hour.hour()] = Math.max(1, hour.counters() - 1);
        });
        assertThat(counters[9]).as("the peak hour").isGreaterThan(counters[16]);

        QueueDaySimulation.Result planned = QueueDaySimulation.run(perHour, counters, handling, target,
                QueueDaySimulation.EXPONENTIAL, 400, 20261207);
        QueueDaySimulation.Result steadier = QueueDaySimulation.run(perHour, counters, handling, target,
                QueueDaySimulation.ERLANG_3, 400, 20261208);
        QueueDaySimulation.Result short1 = QueueDaySimulation.run(perHour, fewer, handling, target,
                QueueDaySimulation.EXPONENTIAL, 400, 20261207);

        assertThat(planned.visitors()[24]).isGreaterThan(100_000);
        assertThat(planned.day()).as("exponential handling").isGreaterThanOrEqualTo(0.8);
        assertThat(steadier.day()).as("steadier handling").isGreaterThanOrEqualTo(planned.day());
        assertThat(short1.day()).as("one counter fewer each hour").isLessThan(0.8);
    }
}
