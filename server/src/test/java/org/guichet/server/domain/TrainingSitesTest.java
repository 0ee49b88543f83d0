package org.guichet.server.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainingSitesTest {

    @Test
    void a_copy_is_named_after_its_site_and_no_deployed_site_can_take_its_name() {
        assertThat(TrainingSites.copyOf("hdd-a")).isEqualTo("formation:hdd-a");
        assertThat(TrainingSites.realSiteOf("formation:hdd-a")).contains("hdd-a");
        assertThat(TrainingSites.realSiteOf("hdd-a")).isEmpty();
        assertThat(TrainingSites.isCopy("formation-hdd-a")).isFalse();
        assertThatThrownBy(() -> DeploymentRules.requireId(TrainingSites.copyOf("hdd-a"), "site"))
                .isInstanceOf(Failure.class);
        assertThatThrownBy(() -> TrainingSites.copyOf("formation:hdd-a")).isInstanceOf(IllegalArgumentException.class);
        assertThat(TrainingSites.withCopies(Set.of("a", "b")))
                .containsExactlyInAnyOrder("a", "b", "formation:a", "formation:b");
    }

    @Test
    void an_agent_covers_the_copies_of_their_sites_and_a_device_only_its_own_site() {
        Principal agent = Principal.agent(1, "agent", Role.AGENT, Set.of("s1"));
        assertThat(agent.coversSite("formation:s1")).isTrue();
        assertThat(agent.coversSite("formation:s2")).isFalse();
        Principal kiosk = Principal.device("kiosk-1", Device.KIOSK, "s1", null, null);
        assertThat(kiosk.coversSite("s1")).isTrue();
        assertThat(kiosk.coversSite("formation:s1")).isFalse();
    }

    @Test
    void arrivals_average_the_rate_over_the_time_elapsed() {
        SplittableRandom random = new SplittableRandom(17);
        long total = 0;
        int draws = 20_000;
        for (int i = 0; i < draws; i++) {
            total += SimulatedVisitors.arrivals(600, Duration.ofSeconds(3), random);
        }
        // 600 an hour over 3 s: 0.5 a draw; 10,000 expected, standard deviation 100
        assertThat(total).isBetween(9_500L, 10_500L);
        assertThat(SimulatedVisitors.arrivals(600, Duration.ZERO, random)).isZero();
        // a long pause (a node restarted): 3,600 s at 600 an hour is 600 on average, not an underflow to 0
        assertThat(SimulatedVisitors.arrivals(600, Duration.ofHours(1), random)).isBetween(480, 720);
    }

    @Test
    void visitors_ask_for_every_service_and_one_in_twenty_with_priority() {
        SplittableRandom random = new SplittableRandom(3);
        Map<String, Integer> services = new HashMap<>();
        int priority = 0;
        for (int i = 0; i < 10_000; i++) {
            SimulatedVisitors.Visitor visitor = SimulatedVisitors.next(List.of("a", "b", "c"), random);
            services.merge(visitor.serviceId(), 1, Integer::sum);
            priority += visitor.priority() == PriorityClass.PRIORITY ? 1 : 0;
        }
        assertThat(services).containsOnlyKeys("a", "b", "c");
        services.values().forEach(count -> assertThat(count).isBetween(3_000, 3_700));
        assertThat(priority).isBetween(400, 600);
    }

    @Test
    void a_rate_or_a_duration_no_training_needs_is_refused() {
        SimulatedVisitors.validate(1, Duration.ofMinutes(1));
        SimulatedVisitors.validate(600, Duration.ofHours(4));
        assertThatThrownBy(() -> SimulatedVisitors.validate(0, Duration.ofMinutes(10))).isInstanceOf(Failure.class);
        assertThatThrownBy(() -> SimulatedVisitors.validate(601, Duration.ofMinutes(10))).isInstanceOf(Failure.class);
        assertThatThrownBy(() -> SimulatedVisitors.validate(60, Duration.ofMinutes(241))).isInstanceOf(Failure.class);
        assertThatThrownBy(() -> SimulatedVisitors.validate(60, Duration.ZERO)).isInstanceOf(Failure.class);
    }
}
