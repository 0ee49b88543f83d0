package org.guichet.server.domain;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Slots within the calendar, codes as typed, and when a visitor may check in. */
class AppointmentRulesTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final OpeningCalendar HOURS = OpeningCalendar.parse(new JsonObject()
            .put("tue", "08:30-12:00, 13:30-16:00"), new JsonObject().put("publicHolidays", "NONE"));
    private static final AppointmentSettings SETTINGS = new AppointmentSettings(60, 15);

    private static Instant at(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), PARIS).toInstant();
    }

    @Test
    void slots_start_at_each_opening_and_end_by_its_closing() {
        assertThat(AppointmentRules.slots(HOURS, PARIS, LocalDate.parse("2026-12-01"), 45)).containsExactly(
                at("2026-12-01T08:30"), at("2026-12-01T09:15"), at("2026-12-01T10:00"), at("2026-12-01T10:45"),
                at("2026-12-01T13:30"), at("2026-12-01T14:15"), at("2026-12-01T15:00"));
        assertThat(AppointmentRules.slots(HOURS, PARIS, LocalDate.parse("2026-12-02"), 45)).as("closed Wednesday")
                .isEmpty();
    }

    @Test
    void a_site_open_all_day_has_slots_up_to_the_one_ending_at_midnight() {
        List<Instant> slots = AppointmentRules.slots(OpeningCalendar.ALWAYS_OPEN, PARIS, LocalDate.parse("2026-12-01"),
                20);
        assertThat(slots).hasSize(72);
        assertThat(slots.get(0)).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
        assertThat(slots.get(71)).isEqualTo(Instant.parse("2026-12-01T22:40:00Z"));
    }

    @Test
    void only_a_slot_still_to_come_can_be_booked() {
        Instant now = at("2026-12-01T09:20");
        AppointmentRules.requireBookable(at("2026-12-01T10:00"), now, HOURS, PARIS, 45);
        for (String refused : new String[] {"2026-12-01T09:15", "2026-12-01T10:05", "2026-12-01T12:00",
                                            "2027-02-16T08:30"}) {
            assertThatThrownBy(() -> AppointmentRules.requireBookable(at(refused), now, HOURS, PARIS, 45))
                    .as(refused).isInstanceOfSatisfying(Failure.class, failure ->
                            assertThat(failure.code()).isEqualTo("bad_slot"));
        }
    }

    @Test
    void check_in_opens_early_minutes_before_and_closes_late_minutes_after() {
        Instant ten = at("2026-12-01T10:00");
        assertThat(AppointmentRules.checkIn(ten, at("2026-12-01T08:59"), SETTINGS))
                .isEqualTo(AppointmentRules.CheckIn.TOO_EARLY);
        assertThat(AppointmentRules.checkIn(ten, at("2026-12-01T09:00"), SETTINGS))
                .isEqualTo(AppointmentRules.CheckIn.ON_TIME);
        assertThat(AppointmentRules.checkIn(ten, at("2026-12-01T10:15"), SETTINGS))
                .isEqualTo(AppointmentRules.CheckIn.ON_TIME);
        assertThat(AppointmentRules.checkIn(ten, at("2026-12-01T10:16"), SETTINGS))
                .isEqualTo(AppointmentRules.CheckIn.MISSED);
        assertThat(AppointmentRules.missedBefore(at("2026-12-01T10:16"), SETTINGS)).isEqualTo(at("2026-12-01T10:01"));
    }

    @Test
    void a_code_is_read_whatever_the_case_spaces_or_dashes_and_only_from_its_alphabet() {
        String code = AppointmentRules.newCode();
        assertThat(code).hasSize(6).matches("[ACDEFGHJKMNPQRTUVWXY34679]+");
        assertThat(AppointmentRules.normalizeCode("k7p 2qx")).isNull();
        assertThat(AppointmentRules.normalizeCode("k7p-3qx")).isEqualTo("K7P3QX");
        assertThat(AppointmentRules.normalizeCode(" c4d 6ef ")).isEqualTo("C4D6EF");
        assertThat(AppointmentRules.normalizeCode("C4D6E")).isNull();
        assertThat(AppointmentRules.normalizeCode("C4D0EF")).as("no 0 in codes").isNull();
        assertThat(AppointmentRules.name("  ")).isNull();
        assertThatThrownBy(() -> AppointmentRules.name("x".repeat(81))).isInstanceOf(Failure.class);
    }
}
