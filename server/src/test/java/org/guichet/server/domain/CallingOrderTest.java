package org.guichet.server.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CallingOrderTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:30:00Z");
    private static final Duration TARGET = Duration.ofMinutes(20);
    private static final List<String> SERVICES = List.of("a", "b");

    private static WaitingTicket normal(long id, String service, int minutesAfterT0) {
        return new WaitingTicket(id, service, PriorityClass.NORMAL, T0.plus(Duration.ofMinutes(minutesAfterT0)), TARGET,
                null);
    }

    private static WaitingTicket priority(long id, String service, int minutesAfterT0) {
        return new WaitingTicket(id, service, PriorityClass.PRIORITY, T0.plus(Duration.ofMinutes(minutesAfterT0)),
                TARGET, null);
    }

    private static List<Long> ids(List<WaitingTicket> tickets) {
        return tickets.stream().map(WaitingTicket::id).toList();
    }

    private static List<Long> order(CallingPolicy policy, List<WaitingTicket> waiting, int nowMinutes) {
        return ids(new CallingOrder(policy).order(waiting, "c1", SERVICES, T0.plus(Duration.ofMinutes(nowMinutes))));
    }

    @Test
    void arrival_order_within_normal_tickets() {
        var waiting = List.of(normal(3, "a", 2), normal(1, "b", 0), normal(2, "a", 1));
        assertThat(order(CallingPolicy.DEFAULT, waiting, 3)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void priority_and_appointment_tickets_come_first_in_arrival_order() {
        var appointment = new WaitingTicket(5, "a", PriorityClass.APPOINTMENT, T0.plus(Duration.ofMinutes(4)), TARGET,
                null);
        var waiting = List.of(normal(1, "a", 0), priority(2, "b", 3), normal(3, "a", 1), appointment);
        assertThat(order(CallingPolicy.DEFAULT, waiting, 5)).containsExactly(2L, 5L, 1L, 3L);
    }

    /** A visitor who checked in at {@code checkedIn} for an appointment booked at {@code bookedAt} (minutes). */
    private static WaitingTicket booked(long id, int checkedIn, int bookedAt) {
        return new WaitingTicket(id, "a", PriorityClass.APPOINTMENT, T0.plus(Duration.ofMinutes(checkedIn)), TARGET,
                null, T0.plus(Duration.ofMinutes(bookedAt)));
    }

    @Test
    void a_visitor_early_for_an_appointment_comes_after_the_walk_ins_until_the_booked_time_then_before_all() {
        var waiting = List.of(normal(1, "a", 0), booked(2, 5, 30), priority(3, "b", 10), normal(4, "b", 12));
        assertThat(order(CallingPolicy.DEFAULT, waiting, 13)).as("before its time: last")
                .containsExactly(3L, 1L, 4L, 2L);
        assertThat(order(CallingPolicy.DEFAULT, waiting, 30)).as("at its time: ahead of priority and aged tickets")
                .containsExactly(2L, 1L, 3L, 4L);
        assertThat(order(CallingPolicy.DEFAULT, List.of(booked(2, 5, 30)), 13))
                .as("early, but nobody else waits: it may be called").containsExactly(2L);
    }

    @Test
    void due_appointments_are_called_in_the_order_of_their_booked_times() {
        var waiting = List.of(booked(1, 0, 40), booked(2, 25, 30), booked(3, 38, 35));
        assertThat(order(CallingPolicy.DEFAULT, waiting, 40)).containsExactly(2L, 3L, 1L);
    }

    @Test
    void a_normal_ticket_past_the_ageing_share_of_its_target_joins_the_front_tier() {
        // Target 20 min, ageing share 0.75: promoted once it has waited 15 min.
        var waiting = List.of(normal(1, "a", 0), priority(2, "a", 10), priority(3, "a", 14));
        assertThat(order(CallingPolicy.DEFAULT, waiting, 14)).containsExactly(2L, 3L, 1L);
        assertThat(order(CallingPolicy.DEFAULT, waiting, 15)).containsExactly(1L, 2L, 3L);
    }

    /** One counter calling every 2 minutes while a priority ticket arrives every minute: when is ticket 1 called? */
    private static Duration waitOfNormalTicketUnderPriorityStream(CallingPolicy policy) {
        CallingOrder order = new CallingOrder(policy);
        List<WaitingTicket> waiting = new ArrayList<>(List.of(normal(1, "a", 0)));
        long nextId = 2;
        for (int minute = 0; minute < 60; minute++) {
            waiting.add(priority(nextId++, "a", minute));
            if (minute % 2 == 0) {
                Instant now = T0.plus(Duration.ofMinutes(minute));
                WaitingTicket next = order.order(waiting, "c1", SERVICES, now).get(0);
                waiting.remove(next);
                if (next.id() == 1) {
                    return Duration.between(T0, now);
                }
            }
        }
        throw new AssertionError("ticket 1 was never called");
    }

    @Test
    void a_stream_of_priority_tickets_never_keeps_a_normal_ticket_beyond_its_target() {
        // Promoted at 15 min (0.75 of 20), called at the next free slot.
        assertThat(waitOfNormalTicketUnderPriorityStream(CallingPolicy.DEFAULT)).isEqualTo(Duration.ofMinutes(16));
    }

    @Test
    void with_the_full_target_as_threshold_it_is_called_exactly_at_its_target() {
        assertThat(waitOfNormalTicketUnderPriorityStream(new CallingPolicy(1.0, false))).isEqualTo(TARGET);
    }

    @Test
    void counter_order_policy_serves_the_first_service_first_within_a_tier() {
        var waiting = List.of(normal(1, "b", 0), normal(2, "a", 5));
        assertThat(order(CallingPolicy.DEFAULT, waiting, 6)).containsExactly(1L, 2L);
        assertThat(order(new CallingPolicy(0.75, true), waiting, 6)).containsExactly(2L, 1L);
    }

    @Test
    void tickets_of_other_services_and_tickets_sent_to_another_counter_are_not_callable() {
        var elsewhere = new WaitingTicket(3, "a", PriorityClass.NORMAL, T0, TARGET, "c2");
        var forUs = new WaitingTicket(4, "z", PriorityClass.NORMAL, T0.plus(Duration.ofMinutes(3)), TARGET, "c1");
        var waiting = List.of(normal(1, "z", 0), normal(2, "a", 1), elsewhere, forUs);
        assertThat(order(CallingPolicy.DEFAULT, waiting, 4)).containsExactly(4L, 2L);
    }

    @Test
    void ties_are_broken_by_id() {
        var waiting = List.of(normal(9, "a", 0), normal(4, "b", 0));
        assertThat(order(CallingPolicy.DEFAULT, waiting, 1)).containsExactly(4L, 9L);
    }

    @Test
    void the_head_over_all_tickets_is_among_the_engines_candidates() {
        // The engine only reads priority/targeted tickets plus the oldest normal ones per service.
        List<WaitingTicket> all = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            all.add(normal(100 + i, i % 2 == 0 ? "a" : "b", i));
        }
        all.add(priority(7, "b", 49));
        int limit = 3;
        List<WaitingTicket> candidates = new ArrayList<>(all.stream()
                .filter(t -> t.priority() != PriorityClass.NORMAL).toList());
        for (String service : SERVICES) {
            all.stream().filter(t -> t.priority() == PriorityClass.NORMAL && t.serviceId().equals(service))
                    .sorted(Comparator.comparing(WaitingTicket::arrivalAt)).limit(limit)
                    .forEach(candidates::add);
        }
        for (int now = 49; now < 80; now += 5) {
            List<Long> full = order(CallingPolicy.DEFAULT, all, now);
            List<Long> fromCandidates = order(CallingPolicy.DEFAULT, candidates, now);
            assertThat(fromCandidates.subList(0, limit)).isEqualTo(full.subList(0, limit));
        }
    }

    @Test
    void policy_rejects_nonsense() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CallingPolicy(0, false))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CallingPolicy(1.5, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_certain_head_ends_at_the_last_ticket_read_of_the_first_service_that_may_have_more() {
        // Two normal tickets read per service: "a" gave two (it may have more), "b" gave one (it has no more).
        var ordered = new CallingOrder(CallingPolicy.DEFAULT).order(List.of(priority(9, "b", 5), normal(1, "a", 0),
                normal(2, "b", 1), normal(3, "a", 2)), "c1", SERVICES, T0.plus(Duration.ofMinutes(6)));
        assertThat(ids(ordered)).containsExactly(9L, 1L, 2L, 3L);
        assertThat(ids(CallingOrder.certainHead(ordered, 2))).containsExactly(9L, 1L, 2L, 3L);

        var more = new ArrayList<>(List.of(priority(9, "b", 5), normal(1, "a", 0), normal(2, "a", 1),
                normal(3, "b", 2), normal(4, "b", 3)));
        var orderedMore = new CallingOrder(CallingPolicy.DEFAULT).order(more, "c1", SERVICES,
                T0.plus(Duration.ofMinutes(6)));
        // "a"'s third ticket, unread, may have arrived before "b"'s tickets 3 and 4: they are not certain.
        assertThat(ids(CallingOrder.certainHead(orderedMore, 2))).containsExactly(9L, 1L, 2L);
        assertThat(ids(CallingOrder.certainHead(orderedMore, 3))).containsExactly(9L, 1L, 2L, 3L, 4L);
    }

    @Test
    void the_certain_head_is_the_true_head_whatever_the_number_read_per_service() {
        Random random = new Random(17);
        Instant now = T0.plus(Duration.ofMinutes(40));
        List<String> services = List.of("a", "b", "c");
        for (int round = 0; round < 200; round++) {
            CallingOrder order = new CallingOrder(new CallingPolicy(0.75, round % 2 == 0));
            List<WaitingTicket> all = new ArrayList<>();
            for (int id = 1; id <= 60; id++) {
                String service = services.get(random.nextInt(random.nextBoolean() ? 1 : 3));
                PriorityClass priority = random.nextInt(10) == 0 ? PriorityClass.PRIORITY : PriorityClass.NORMAL;
                all.add(new WaitingTicket(id, service, priority, T0.plus(Duration.ofSeconds(random.nextInt(2400))),
                        Duration.ofMinutes(10 + 10 * services.indexOf(service)), null));
            }
            List<WaitingTicket> full = order.order(all, "c1", services, now);
            for (int perService = 1; perService <= 12; perService++) {
                List<WaitingTicket> read = readAsTheStoreDoes(all, perService);
                List<WaitingTicket> head = CallingOrder.certainHead(order.order(read, "c1", services, now),
                        perService);
                assertThat(head).isNotEmpty();
                assertThat(ids(head)).as("round %d, %d per service", round, perService)
                        .isEqualTo(ids(full.subList(0, head.size())));
            }
        }
    }

    /** Every non-normal ticket, and the oldest normal ones of each service (by arrival, then id). */
    private static List<WaitingTicket> readAsTheStoreDoes(List<WaitingTicket> all, int perService) {
        List<WaitingTicket> read = new ArrayList<>(all.stream().filter(t -> t.priority() != PriorityClass.NORMAL)
                .toList());
        all.stream().filter(t -> t.priority() == PriorityClass.NORMAL)
                .collect(Collectors.groupingBy(WaitingTicket::serviceId))
                .values().forEach(tickets -> read.addAll(tickets.stream()
                        .sorted(Comparator.comparing(WaitingTicket::arrivalAt)
                                .thenComparingLong(WaitingTicket::id))
                        .limit(perService).toList()));
        return read;
    }
}
