package org.guichet.server.domain.stats;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OccupancyTest {

    private static final Instant START = Instant.parse("2026-03-10T00:00:00Z");
    private static final Instant END = Instant.parse("2026-03-11T00:00:00Z");

    private static Instant at(String time) {
        return Instant.parse("2026-03-10T" + time + "Z");
    }

    private static Occupancy.CounterEvent counter(String kind, String time) {
        return new Occupancy.CounterEvent(kind, at(time));
    }

    private static Occupancy.TicketEvent ticket(long id, String kind, String time) {
        return new Occupancy.TicketEvent(id, kind, at(time));
    }

    @Test
    void a_morning_with_a_pause() {
        // open 08:00-12:00 (4 h) with a 30 min pause; one visitor called 08:10, starts 08:12, leaves 08:32;
        // another called 09:00 who never comes (no-show at 09:03)
        Occupancy.Result result = Occupancy.compute("CLOSED",
                List.of(counter("OPEN", "08:00:00"), counter("PAUSE", "10:00:00"), counter("RESUME", "10:30:00"),
                        counter("CLOSE", "12:00:00")),
                List.of(ticket(1, "CALL", "08:10:00"), ticket(1, "START", "08:12:00"), ticket(1, "FINISH", "08:32:00"),
                        ticket(2, "CALL", "09:00:00"), ticket(2, "NO_SHOW", "09:03:00")),
                START, END);
        assertThat(result.openSeconds()).isEqualTo(4 * 3600);
        assertThat(result.pausedSeconds()).isEqualTo(1800);
        assertThat(result.callingSeconds()).isEqualTo(120 + 180);
        assertThat(result.servingSeconds()).isEqualTo(1200);
        assertThat(result.idleSeconds()).isEqualTo(4 * 3600 - 1800 - 300 - 1200);
        assertThat(result.occupancy()).isEqualTo(Math.round(10000.0 * 1500 / 12600) / 10000.0);
        assertThat(result.calls()).isEqualTo(2);
    }

    @Test
    void a_pause_until_closing_and_a_counter_closed_while_paused() {
        Occupancy.Result result = Occupancy.compute("CLOSED",
                List.of(counter("OPEN", "13:00:00"), counter("PAUSE", "16:00:00"), counter("CLOSE", "17:00:00")),
                List.of(), START, END);
        assertThat(result.openSeconds()).isEqualTo(4 * 3600);
        assertThat(result.pausedSeconds()).isEqualTo(3600);
        assertThat(result.occupancy()).isZero();
    }

    @Test
    void the_window_clips_what_started_before_and_what_is_still_going() {
        // open since yesterday, paused at the window start; a visitor called before the window and served across it;
        // one being served when the window ends ("now")
        Instant start = at("09:00:00");
        Instant end = at("10:00:00");
        Occupancy.Result result = Occupancy.compute("PAUSED",
                List.of(counter("RESUME", "09:10:00")),
                List.of(ticket(1, "CALL", "08:50:00"), ticket(1, "RECALL", "08:55:00"), ticket(1, "START", "09:10:00"),
                        ticket(1, "FINISH", "09:20:00"),
                        ticket(2, "CALL", "09:40:00"), ticket(2, "START", "09:45:00")),
                start, end);
        assertThat(result.openSeconds()).isEqualTo(3600);
        assertThat(result.pausedSeconds()).isEqualTo(600);
        // ticket 1: calling 09:00-09:10 in the window (the recall does not end it), serving 10 min;
        // ticket 2: calling 5 min, serving 09:45-10:00
        assertThat(result.callingSeconds()).isEqualTo(600 + 300);
        assertThat(result.servingSeconds()).isEqualTo(600 + 900);
        assertThat(result.calls()).as("only calls inside the window").isEqualTo(1);
    }

    @Test
    void requeue_and_transfer_end_a_call() {
        Occupancy.Result result = Occupancy.compute("OPEN", List.of(),
                List.of(ticket(1, "CALL", "08:00:00"), ticket(1, "REQUEUE", "08:01:00"),
                        ticket(1, "CALL", "08:05:00"), ticket(1, "TRANSFER", "08:06:30"),
                        ticket(2, "CALL", "08:10:00"), ticket(2, "START", "08:11:00"), ticket(2, "TRANSFER", "08:15:00")),
                at("08:00:00"), at("09:00:00"));
        assertThat(result.callingSeconds()).isEqualTo(60 + 90 + 60);
        assertThat(result.servingSeconds()).isEqualTo(240);
        assertThat(result.calls()).isEqualTo(3);
    }

    @Test
    void a_counter_never_opened_has_no_occupancy() {
        Occupancy.Result result = Occupancy.compute(null, List.of(), List.of(), START, END);
        assertThat(result.openSeconds()).isZero();
        assertThat(result.occupancy()).isNull();
        assertThat(Occupancy.compute("OPEN", List.of(), List.of(), END, START)).isEqualTo(Occupancy.Result.NONE);
    }

    @Test
    void hour_by_hour_each_window_starts_in_the_status_the_events_left() {
        // opens 08:30, paused 09:40-10:20, closes 11:30; one visitor called 09:50 and served 10:00-10:45
        List<Occupancy.Result> hours = Occupancy.compute("CLOSED",
                List.of(counter("CLOSE", "11:30:00"), counter("OPEN", "08:30:00"), counter("PAUSE", "09:40:00"),
                        counter("RESUME", "10:20:00")),
                List.of(ticket(1, "CALL", "09:50:00"), ticket(1, "START", "10:00:00"), ticket(1, "FINISH", "10:45:00")),
                List.of(at("08:00:00"), at("09:00:00"), at("10:00:00"), at("11:00:00"), at("12:00:00")));

        assertThat(hours).extracting(Occupancy.Result::openSeconds).containsExactly(1800L, 3600L, 3600L, 1800L);
        assertThat(hours).extracting(Occupancy.Result::pausedSeconds).containsExactly(0L, 1200L, 1200L, 0L);
        assertThat(hours).extracting(Occupancy.Result::callingSeconds).containsExactly(0L, 600L, 0L, 0L);
        assertThat(hours).extracting(Occupancy.Result::servingSeconds).containsExactly(0L, 0L, 2700L, 0L);
        // the whole morning in one window gives the sums
        Occupancy.Result morning = Occupancy.compute("CLOSED",
                List.of(counter("OPEN", "08:30:00"), counter("PAUSE", "09:40:00"), counter("RESUME", "10:20:00"),
                        counter("CLOSE", "11:30:00")),
                List.of(ticket(1, "CALL", "09:50:00"), ticket(1, "START", "10:00:00"), ticket(1, "FINISH", "10:45:00")),
                at("08:00:00"), at("12:00:00"));
        assertThat(hours.stream().reduce(Occupancy.Result.NONE, Occupancy.Result::plus)).isEqualTo(morning);
    }
}
