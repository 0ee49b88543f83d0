package org.guichet.server.domain.stats;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AgentDayTest {

    private static final long ME = 7;
    private static final long COLLEAGUE = 8;
    private static final Instant T0 = Instant.parse("2025-03-10T08:00:00Z");

    private final List<AgentDay.Event> events = new ArrayList<>();

    private void event(long ticket, String kind, int atSeconds, Long agent) {
        events.add(new AgentDay.Event(ticket, kind, T0.plus(Duration.ofSeconds(atSeconds)),
                agent == null ? null : "c1", agent));
    }

    @Test
    void nothing_done_yet_has_no_averages() {
        AgentDay.Summary day = AgentDay.summarize(List.of(), ME);
        assertThat(day.served()).isZero();
        assertThat(day.called()).isZero();
        assertThat(day.averageServiceSeconds()).isNull();
        assertThat(day.averageWaitSeconds()).isNull();
        assertThat(day.totalServiceSeconds()).isZero();
    }

    @Test
    void wait_walk_and_service_times_of_served_tickets() {
        event(1, "ISSUE", 0, null);
        event(1, "CALL", 120, ME);
        event(1, "RECALL", 150, ME);
        event(1, "START", 180, ME);
        event(1, "FINISH", 480, ME);
        event(2, "ISSUE", 10, null);
        event(2, "CALL", 500, ME);
        event(2, "START", 520, ME);
        event(2, "FINISH", 620, ME);

        AgentDay.Summary day = AgentDay.summarize(events, ME);

        assertThat(day.called()).isEqualTo(2);
        assertThat(day.served()).isEqualTo(2);
        assertThat(day.averageWaitSeconds()).isEqualTo((120 + 490) / 2);
        // Walk counts from the call, not from the recall.
        assertThat(day.averageWalkSeconds()).isEqualTo((60 + 20) / 2);
        assertThat(day.averageServiceSeconds()).isEqualTo((300 + 100) / 2);
        assertThat(day.totalServiceSeconds()).isEqualTo(400);
    }

    @Test
    void no_show_transfer_and_requeue_are_counted_but_not_served() {
        event(1, "ISSUE", 0, null);
        event(1, "CALL", 60, ME);
        event(1, "NO_SHOW", 200, ME);
        event(2, "ISSUE", 0, null);
        event(2, "CALL", 300, ME);
        event(2, "START", 310, ME);
        event(2, "TRANSFER", 400, ME);
        event(3, "ISSUE", 0, null);
        event(3, "CALL", 500, ME);
        event(3, "REQUEUE", 510, ME);

        AgentDay.Summary day = AgentDay.summarize(events, ME);

        assertThat(day.called()).isEqualTo(3);
        assertThat(day.served()).isZero();
        assertThat(day.noShows()).isEqualTo(1);
        assertThat(day.transferred()).isEqualTo(1);
        assertThat(day.requeued()).isEqualTo(1);
        assertThat(day.averageServiceSeconds()).isNull();
        // (60 + 300 + 500) / 3 = 286.67, to the nearest second
        assertThat(day.averageWaitSeconds()).isEqualTo(287);
    }

    @Test
    void a_ticket_requeued_by_a_colleague_counts_its_first_wait_once_and_service_for_who_finished() {
        event(1, "ISSUE", 0, null);
        event(1, "CALL", 100, COLLEAGUE);
        event(1, "REQUEUE", 130, COLLEAGUE);
        event(1, "CALL", 400, ME);
        event(1, "START", 430, ME);
        event(1, "FINISH", 730, ME);

        AgentDay.Summary mine = AgentDay.summarize(events, ME);
        assertThat(mine.called()).isEqualTo(1);
        assertThat(mine.served()).isEqualTo(1);
        // The visitor's wait ended at the colleague's first call; it is not the agent's to average.
        assertThat(mine.averageWaitSeconds()).isNull();
        assertThat(mine.averageWalkSeconds()).isEqualTo(30);
        assertThat(mine.averageServiceSeconds()).isEqualTo(300);

        AgentDay.Summary theirs = AgentDay.summarize(events, COLLEAGUE);
        assertThat(theirs.called()).isEqualTo(1);
        assertThat(theirs.requeued()).isEqualTo(1);
        assertThat(theirs.served()).isZero();
        assertThat(theirs.averageWaitSeconds()).isEqualTo(100);
    }

    @Test
    void a_transferred_ticket_waits_from_its_transfer_in() {
        event(5, "TRANSFER_IN", 1000, null);
        event(5, "CALL", 1090, ME);
        event(5, "START", 1100, ME);
        event(5, "FINISH", 1160, ME);

        AgentDay.Summary day = AgentDay.summarize(events, ME);
        assertThat(day.averageWaitSeconds()).isEqualTo(90);
        assertThat(day.averageServiceSeconds()).isEqualTo(60);
    }

    @Test
    void averages_round_to_the_nearest_second() {
        assertThat(AgentDay.averageSeconds(List.of(Duration.ofMillis(1400), Duration.ofMillis(1700))))
                .isEqualTo(2L);
        assertThat(AgentDay.averageSeconds(List.of(Duration.ofMillis(1200)))).isEqualTo(1L);
    }
}
