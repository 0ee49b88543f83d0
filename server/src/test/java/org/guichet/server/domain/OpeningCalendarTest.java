package org.guichet.server.domain;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpeningCalendarTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final JsonObject WEEKDAYS_WITH_LUNCH = new JsonObject()
            .put("mon", "08:30-12:00, 13:30-17:00").put("tue", "08:30-12:00, 13:30-17:00")
            .put("wed", "08:30-12:00").put("thu", "08:30-12:00, 13:30-17:00")
            .put("fri", new JsonArray().add("08:30-12:00").add("13:30-16:30"));

    private static OpeningCalendar calendar(JsonObject block) {
        return OpeningCalendar.parse(WEEKDAYS_WITH_LUNCH, block);
    }

    private static Instant paris(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), PARIS).toInstant();
    }

    private static ZonedDateTime parisTime(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), PARIS);
    }

    @Test
    void before_the_morning_opening_it_is_closed_until_the_opening() {
        OpeningCalendar.Status status = calendar(null).at(paris("2026-11-30T06:56"), PARIS);

        assertThat(status.open()).isFalse();
        assertThat(status.issuing()).isFalse();
        assertThat(status.reason()).isEqualTo(OpeningCalendar.Reason.OUTSIDE_HOURS);
        assertThat(status.nextOpening()).isEqualTo(parisTime("2026-11-30T08:30"));
    }

    @Test
    void during_the_lunch_break_it_opens_again_in_the_afternoon() {
        OpeningCalendar.Status status = calendar(null).at(paris("2026-11-30T12:10"), PARIS);

        assertThat(status.issuing()).isFalse();
        assertThat(status.nextOpening()).isEqualTo(parisTime("2026-11-30T13:30"));
    }

    @Test
    void while_open_it_issues_until_the_cut_off_before_each_closing() {
        OpeningCalendar calendar = calendar(new JsonObject().put("lastTicketMinutesBeforeClosing", 15));

        OpeningCalendar.Status morning = calendar.at(paris("2026-11-30T11:44"), PARIS);
        assertThat(morning.issuing()).isTrue();
        assertThat(morning.lastTicket()).isEqualTo(parisTime("2026-11-30T11:45"));
        assertThat(morning.nextChange()).contains(parisTime("2026-11-30T11:45"));

        OpeningCalendar.Status beforeLunch = calendar.at(paris("2026-11-30T11:45"), PARIS);
        assertThat(beforeLunch.open()).isTrue();
        assertThat(beforeLunch.issuing()).isFalse();
        assertThat(beforeLunch.reason()).isEqualTo(OpeningCalendar.Reason.AFTER_LAST_TICKET);
        assertThat(beforeLunch.nextOpening()).isEqualTo(parisTime("2026-11-30T13:30"));

        OpeningCalendar.Status evening = calendar.at(paris("2026-11-30T16:50"), PARIS);
        assertThat(evening.open()).isTrue();
        assertThat(evening.issuing()).isFalse();
        assertThat(evening.nextOpening()).isEqualTo(parisTime("2026-12-01T08:30"));
    }

    @Test
    void a_day_left_out_is_closed_and_friday_evening_opens_on_monday() {
        OpeningCalendar.Status saturday = calendar(null).at(paris("2026-12-05T10:00"), PARIS);

        assertThat(saturday.issuing()).isFalse();
        assertThat(saturday.reason()).isEqualTo(OpeningCalendar.Reason.OUTSIDE_HOURS);
        assertThat(saturday.nextOpening()).isEqualTo(parisTime("2026-12-07T08:30"));
    }

    @Test
    void easter_is_computed_for_any_year() {
        assertThat(PublicHolidays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(PublicHolidays.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(PublicHolidays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(PublicHolidays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(PublicHolidays.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
        assertThat(PublicHolidays.easterSunday(2285)).isEqualTo(LocalDate.of(2285, 3, 22));
    }

    @Test
    void the_french_holidays_of_2026_include_those_that_follow_easter() {
        assertThat(PublicHolidays.FR.of(2026)).containsKeys(LocalDate.of(2026, 4, 6), LocalDate.of(2026, 5, 14),
                LocalDate.of(2026, 5, 25), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 5, 8), LocalDate.of(2026, 7, 14), LocalDate.of(2026, 8, 15),
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 11), LocalDate.of(2026, 12, 25));
        assertThat(PublicHolidays.FR.of(2026)).hasSize(11);
        assertThat(PublicHolidays.FR_ALSACE_MOSELLE.of(2026)).hasSize(13)
                .containsKeys(LocalDate.of(2026, 4, 3), LocalDate.of(2026, 12, 26));
        assertThat(PublicHolidays.NONE.of(2026)).isEmpty();
    }

    @Test
    void whit_monday_is_closed_and_the_next_opening_is_on_tuesday() {
        OpeningCalendar.Status status = calendar(null).at(paris("2026-05-25T10:00"), PARIS);

        assertThat(status.open()).isFalse();
        assertThat(status.reason()).isEqualTo(OpeningCalendar.Reason.PUBLIC_HOLIDAY);
        assertThat(status.nextOpening()).isEqualTo(parisTime("2026-05-26T08:30"));
    }

    @Test
    void easter_monday_2027_falls_the_day_after_the_clocks_go_forward_and_tuesday_opens_at_0830_summer_time() {
        OpeningCalendar.Status friday = calendar(null).at(paris("2027-03-26T17:30"), PARIS);

        assertThat(friday.nextOpening()).isEqualTo(parisTime("2027-03-30T08:30"));
        assertThat(friday.nextOpening().getOffset().getTotalSeconds()).isEqualTo(2 * 3600);
        assertThat(friday.nextOpening().toInstant()).isEqualTo(Instant.parse("2027-03-30T06:30:00Z"));
        assertThat(calendar(null).at(paris("2027-03-29T10:00"), PARIS).reason())
                .isEqualTo(OpeningCalendar.Reason.PUBLIC_HOLIDAY);
    }

    @Test
    void on_the_day_after_the_clocks_go_back_it_opens_at_0830_local_time() {
        OpeningCalendar calendar = calendar(null);

        assertThat(calendar.at(Instant.parse("2026-10-26T07:29:00Z"), PARIS).issuing()).isFalse();
        assertThat(calendar.at(Instant.parse("2026-10-26T07:30:00Z"), PARIS).issuing()).isTrue();
    }

    @Test
    void a_holiday_the_site_opens_on_anyway_keeps_its_weekday_hours() {
        OpeningCalendar calendar = calendar(new JsonObject().put("openOnHolidays", new JsonArray().add("2026-05-08")));

        assertThat(calendar.at(paris("2026-05-08T10:00"), PARIS).issuing()).isTrue();
        assertThat(calendar.at(paris("2026-05-08T15:00"), PARIS).issuing()).isTrue();
    }

    @Test
    void without_public_holidays_a_holiday_is_an_ordinary_day() {
        OpeningCalendar calendar = calendar(new JsonObject().put("publicHolidays", "none"));

        assertThat(calendar.at(paris("2026-05-25T10:00"), PARIS).issuing()).isTrue();
    }

    @Test
    void exceptional_closures_and_a_day_with_its_own_hours() {
        OpeningCalendar calendar = calendar(new JsonObject()
                .put("closures", new JsonArray().add("2026-12-28..2026-12-31"))
                .put("specialHours", new JsonObject().put("2026-12-24", "08:30-12:00")));

        assertThat(calendar.at(paris("2026-12-24T11:00"), PARIS).issuing()).isTrue();
        OpeningCalendar.Status christmasEve = calendar.at(paris("2026-12-24T14:00"), PARIS);
        assertThat(christmasEve.issuing()).isFalse();
        // 25th Christmas, 26-27 weekend, 28-31 closed, 1 January a holiday: Saturday 2 is closed too.
        assertThat(christmasEve.nextOpening()).isEqualTo(parisTime("2027-01-04T08:30"));
        assertThat(calendar.at(paris("2026-12-29T10:00"), PARIS).reason())
                .isEqualTo(OpeningCalendar.Reason.CLOSURE);
    }

    @Test
    void a_site_without_opening_hours_is_always_open() {
        OpeningCalendar calendar = OpeningCalendar.parse(new JsonObject(), null);

        assertThat(calendar.hasHours()).isFalse();
        OpeningCalendar.Status status = calendar.at(paris("2026-12-25T03:00"), PARIS);
        assertThat(status.issuing()).isTrue();
        assertThat(status.nextChange()).isEmpty();
    }

    @Test
    void a_site_closed_for_good_has_no_next_opening() {
        OpeningCalendar calendar = OpeningCalendar.parse(new JsonObject().put("mon", ""), null);

        OpeningCalendar.Status status = calendar.at(paris("2026-11-30T10:00"), PARIS);
        assertThat(status.issuing()).isFalse();
        assertThat(status.nextOpening()).isNull();
        assertThat(status.nextChange()).isEmpty();
    }

    @Test
    void malformed_hours_are_refused_with_a_sentence_that_says_where() {
        assertThatThrownBy(() -> OpeningCalendar.parse(new JsonObject().put("mon", "25:00-26:00"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("openingHours.mon");
        assertThatThrownBy(() -> OpeningCalendar.parse(new JsonObject().put("mon", "12:00-08:30"), null))
                .hasMessageContaining("closes before it opens");
        assertThatThrownBy(() -> OpeningCalendar.parse(new JsonObject().put("mon", "08:30-12:00,11:00-17:00"), null))
                .hasMessageContaining("overlap");
        assertThatThrownBy(() -> OpeningCalendar.parse(new JsonObject().put("monday", "08:30-12:00"), null))
                .hasMessageContaining("'monday' is not a day");
        assertThatThrownBy(() -> OpeningCalendar.parse(new JsonObject().put("mon", 830), null))
                .hasMessageContaining("openingHours.mon");
        assertThatThrownBy(() -> calendar(new JsonObject().put("lastTicketMinutesBeforeClosing", -5)))
                .hasMessageContaining("lastTicketMinutesBeforeClosing");
        assertThatThrownBy(() -> calendar(new JsonObject().put("closures", new JsonArray().add("2026-12-31..2026-12-01"))))
                .hasMessageContaining("calendar.closures");
        assertThatThrownBy(() -> calendar(new JsonObject().put("publicHolidays", "BE")))
                .hasMessageContaining("FR, FR-ALSACE-MOSELLE or NONE");
        assertThatThrownBy(() -> calendar(new JsonObject().put("specialHours", new JsonObject().put("24/12", ""))))
                .hasMessageContaining("not a date");
    }

    @Test
    void nine_oclock_written_without_its_leading_zero_is_understood() {
        OpeningCalendar calendar = OpeningCalendar.parse(new JsonObject().put("mon", "9:00-12:00"), null);

        assertThat(calendar.at(paris("2026-11-30T09:00"), PARIS).issuing()).isTrue();
    }
}
