package org.guichet.server.domain;

import org.guichet.server.testing.TestCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DomainRulesTest {

    @ParameterizedTest
    @CsvSource({
            "WAITING, CALL, CALLED", "CALLED, RECALL, CALLED", "CALLED, START, SERVING", "SERVING, FINISH, DONE",
            "CALLED, NO_SHOW, NO_SHOW", "CALLED, REQUEUE, WAITING", "CALLED, TRANSFER, TRANSFERRED",
            "SERVING, TRANSFER, TRANSFERRED", "WAITING, CANCEL, CANCELLED"})
    void legal_transitions(TicketStatus from, TicketAction action, TicketStatus to) {
        assertThat(TicketLifecycle.next(from, action)).contains(to);
    }

    @ParameterizedTest
    @EnumSource(TicketAction.class)
    void the_states_an_action_is_not_allowed_from_are_exactly_the_others(TicketAction action) {
        Set<String> notAllowed = Set.of(TicketLifecycle.notAllowedFromNames(action));

        for (TicketStatus status : TicketStatus.values()) {
            assertThat(notAllowed.contains(status.name())).as(action + " from " + status)
                    .isEqualTo(TicketLifecycle.next(status, action).isEmpty());
        }
    }

    @Test
    void every_other_transition_is_illegal() {
        int legal = 0;
        for (TicketStatus from : TicketStatus.values()) {
            for (TicketAction action : TicketAction.values()) {
                if (TicketLifecycle.next(from, action).isPresent()) {
                    legal++;
                }
            }
        }
        assertThat(legal).isEqualTo(9);
        for (TicketStatus end : new TicketStatus[]{TicketStatus.DONE, TicketStatus.NO_SHOW, TicketStatus.CANCELLED,
                TicketStatus.TRANSFERRED}) {
            for (TicketAction action : TicketAction.values()) {
                assertThat(TicketLifecycle.next(end, action)).as(end + " " + action).isEmpty();
            }
        }
        assertThat(TicketLifecycle.next(TicketStatus.SERVING, TicketAction.RECALL)).isEmpty();
        assertThat(TicketLifecycle.next(TicketStatus.WAITING, TicketAction.START)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"A, 1, A001", "A, 7, A007", "A, 10, A010", "A, 42, A042", "A, 100, A100", "B, 999, B999",
            "RS, 1000, RS1000", "C, 12345, C12345"})
    void numbers_have_prefix_and_at_least_three_digits(String prefix, int sequence, String expected) {
        assertThat(TicketNumber.format(prefix, sequence)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"A042, A 42", "A001, A 1", "A007, A 7", "A000, A 0", "B100, B 100", "B1010, B 1010",
            "RS1000, RS 1000", "042, 42"})
    void spoken_form_drops_leading_zeros(String number, String spoken) {
        assertThat(TicketNumber.spoken(number)).isEqualTo(spoken);
    }

    @Test
    void sequence_starts_at_one() {
        assertThatThrownBy(() -> TicketNumber.format("A", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void service_day_is_the_date_in_the_site_zone() {
        Instant lateEveningUtc = Instant.parse("2026-06-30T22:30:00Z");
        assertThat(ServiceDay.of(lateEveningUtc, ZoneId.of("Europe/Paris"))).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(ServiceDay.of(lateEveningUtc, ZoneId.of("UTC"))).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(ServiceDay.of(lateEveningUtc, ZoneId.of("Pacific/Noumea"))).isEqualTo(LocalDate.of(2026, 7, 1));
    }

    @Test
    void wait_estimate_uses_observed_rate_when_there_is_enough() {
        WaitEstimator estimator = new WaitEstimator(60, 8);
        // 30 calls in 60 minutes: one every 2 minutes; 5 people ahead -> 10 minutes.
        assertThat(estimator.estimateMinutes(5, 30, 1)).hasValue(10);
        // Too few observations: default 8 min per visitor shared by 2 counters.
        assertThat(estimator.estimateMinutes(5, 2, 2)).hasValue(20);
        assertThat(estimator.estimateMinutes(0, 30, 1)).hasValue(0);
        // Rounded up.
        assertThat(estimator.estimateMinutes(1, 7, 1)).hasValue(9);
    }

    @Test
    void no_wait_is_estimated_while_no_counter_serving_the_service_is_open() {
        WaitEstimator estimator = new WaitEstimator(60, 8);

        assertThat(estimator.estimateMinutes(5, 0, 0)).isEmpty();
        assertThat(estimator.estimateMinutes(0, 0, 0)).isEmpty();
        // Calls made earlier in the window do not make a closed service look served.
        assertThat(estimator.estimateMinutes(5, 30, 0)).isEmpty();
    }

    @Test
    void a_wait_is_over_target_once_longer_than_the_services_target() {
        Catalog catalog = TestCatalog.twoSites();
        assertThat(catalog.overTarget("svc-b", 10 * 60)).isFalse();
        assertThat(catalog.overTarget("svc-b", 10 * 60 + 1)).isTrue();
        Instant now = Instant.parse("2026-03-02T09:00:00Z");
        assertThat(new WaitingQueue("s1", "svc-b", 1, now.minusSeconds(10 * 60 + 1)).overTarget(catalog, now)).isTrue();
        assertThat(new WaitingQueue("s1", "svc-b", 0, now.minusSeconds(10 * 60 + 1)).overTarget(catalog, now))
                .as("nobody waits any more").isFalse();
    }

    @Test
    void a_service_this_catalog_does_not_have_yet_gets_the_default_target() {
        Catalog catalog = TestCatalog.twoSites();
        assertThat(catalog.targetWaitMinutes("svc-added-elsewhere"))
                .isEqualTo(DeploymentRules.DEFAULT_TARGET_WAIT_MINUTES);
        assertThat(catalog.overTarget("svc-added-elsewhere", DeploymentRules.DEFAULT_TARGET_WAIT_MINUTES * 60L + 1))
                .isTrue();
    }

    @Test
    void a_wait_is_never_negative_when_another_instance_clock_leads() {
        Instant now = Instant.parse("2026-03-02T09:00:00Z");
        assertThat(WaitingQueue.waitedSeconds(now.plusSeconds(2), now)).isZero();
        assertThat(WaitingQueue.waitedSeconds(now.minusSeconds(90), now)).isEqualTo(90);
    }
}
