package org.guichet.server.domain;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The caller's time range against the site's calendar, and what each outcome of a call does to the request. */
class CallbackRulesTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Monday to Friday 08:30–12:00 and 13:30–17:00; closed on 2026-12-03 (a Thursday). */
    private static final OpeningCalendar HOURS = OpeningCalendar.parse(new JsonObject()
                    .put("mon", "08:30-12:00, 13:30-17:00").put("tue", "08:30-12:00, 13:30-17:00")
                    .put("wed", "08:30-12:00, 13:30-17:00").put("thu", "08:30-12:00, 13:30-17:00")
                    .put("fri", "08:30-12:00, 13:30-17:00"),
            new JsonObject().put("closures", new io.vertx.core.json.JsonArray().add("2026-12-03"))
                    .put("publicHolidays", "NONE"));
    private static final CallbackSettings SETTINGS = new CallbackSettings(7, Duration.ofMinutes(30), 3);

    private static Instant at(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), PARIS).toInstant();
    }

    private static CallbackRules.Window window(String now, LocalDate date, String from, String to) {
        return CallbackRules.window(date, from == null ? null : LocalTime.parse(from),
                to == null ? null : LocalTime.parse(to), at(now), PARIS, HOURS);
    }

    @Test
    void without_a_range_a_caller_is_called_back_from_now_until_the_days_last_closing() {
        CallbackRules.Window window = window("2026-12-01T10:15", null, null, null);
        assertThat(window.from()).isEqualTo(at("2026-12-01T10:15"));
        assertThat(window.to()).isEqualTo(at("2026-12-01T17:00"));
    }

    @Test
    void an_evening_caller_is_called_back_on_the_next_day_the_site_opens() {
        CallbackRules.Window wednesday = window("2026-12-02T18:40", null, null, null);
        assertThat(wednesday.from()).as("Thursday is closed: Friday").isEqualTo(at("2026-12-04T08:30"));
        assertThat(wednesday.to()).isEqualTo(at("2026-12-04T17:00"));
    }

    @Test
    void a_range_started_already_counts_from_now_and_must_meet_the_opening_hours() {
        CallbackRules.Window started = window("2026-12-01T10:15", null, "08:00", "11:00");
        assertThat(started.from()).isEqualTo(at("2026-12-01T10:15"));
        assertThat(started.to()).isEqualTo(at("2026-12-01T11:00"));
        assertThatThrownBy(() -> window("2026-12-01T12:05", LocalDate.parse("2026-12-01"), "08:00", "13:00"))
                .as("what is left of it falls in the lunch break").hasMessageContaining("outside the site's opening");
        assertThatThrownBy(() -> window("2026-12-01T10:15", LocalDate.parse("2026-12-01"), "18:00", "19:00"))
                .hasMessageContaining("outside the site's opening");
    }

    @Test
    void closed_days_past_ranges_reversed_ranges_and_far_days_are_refused() {
        assertThatThrownBy(() -> window("2026-12-01T10:00", LocalDate.parse("2026-12-03"), null, null))
                .isInstanceOfSatisfying(Failure.class, failure -> assertThat(failure.code())
                        .isEqualTo("outside_opening_hours"));
        assertThatThrownBy(() -> window("2026-12-01T10:00", LocalDate.parse("2026-12-05"), null, null))
                .as("a Saturday").hasMessageContaining("closed on 2026-12-05");
        assertThatThrownBy(() -> window("2026-12-01T10:00", LocalDate.parse("2026-12-01"), "08:30", "09:30"))
                .hasMessageContaining("over already");
        assertThatThrownBy(() -> window("2026-12-01T10:00", LocalDate.parse("2026-12-02"), "16:00", "15:00"))
                .hasMessageContaining("after its start");
        assertThatThrownBy(() -> window("2026-12-01T10:00", LocalDate.parse("2027-01-04"), null, null))
                .hasMessageContaining("within the next 30 days");
        assertThatThrownBy(() -> window("2026-12-01T10:00", LocalDate.parse("2026-11-30"), null, null))
                .hasMessageContaining("within the next 30 days");
    }

    @Test
    void answered_and_wrong_number_end_it_no_answer_brings_it_back_until_the_last_attempt() {
        Instant now = at("2026-12-01T10:00");
        assertThat(CallbackRules.after(CallbackOutcome.ANSWERED, 1, now, SETTINGS))
                .isEqualTo(new CallbackRules.Next(Callback.Status.ANSWERED, null));
        assertThat(CallbackRules.after(CallbackOutcome.WRONG_NUMBER, 2, now, SETTINGS).erasesNumber()).isTrue();
        CallbackRules.Next again = CallbackRules.after(CallbackOutcome.NO_ANSWER, 2, now, SETTINGS);
        assertThat(again).isEqualTo(new CallbackRules.Next(Callback.Status.WAITING, at("2026-12-01T10:30")));
        assertThat(again.erasesNumber()).isFalse();
        assertThat(CallbackRules.after(CallbackOutcome.NO_ANSWER, 3, now, SETTINGS))
                .isEqualTo(new CallbackRules.Next(Callback.Status.UNREACHED, null));
        assertThat(CallbackOutcome.parse("no-answer")).isEqualTo(CallbackOutcome.NO_ANSWER);
        assertThatThrownBy(() -> CallbackOutcome.parse("maybe")).isInstanceOf(Failure.class);
    }
}
