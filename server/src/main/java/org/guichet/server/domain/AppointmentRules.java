package org.guichet.server.domain;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The rules of appointments: a service's slots within its site's calendar, codes, and when one may check in. */
public final class AppointmentRules {

    /** How far ahead a visitor may book. */
    public static final int MOST_DAYS_AHEAD = 60;
    public static final int MAX_NAME = 80;
    /** Letters and digits no one mistakes for another (no 0/O, 1/I/L, 2/Z, 5/S, 8/B). */
    static final String CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
    public static final int CODE_LENGTH = 6;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SECONDS_PER_DAY = 24 * 60 * 60;

    /** Where a check-in stands against the booked time. */
    public enum CheckIn { TOO_EARLY, ON_TIME, MISSED }

    private AppointmentRules() {
    }

    /**
     * The slots of a service on a local date: from each opening of the site that day, one every {@code slotMinutes},
     * each ending by the closing; none on a closed day.
     */
    public static List<Instant> slots(OpeningCalendar calendar, ZoneId zone, LocalDate day, int slotMinutes) {
        List<Instant> slots = new ArrayList<>();
        int length = slotMinutes * 60;
        for (OpeningCalendar.Range range : calendar.openingsOn(day)) {
            // In seconds of the day, so that a slot may end at midnight (LocalTime would wrap to 00:00).
            int closes = range.closes().equals(LocalTime.MAX) ? SECONDS_PER_DAY : range.closes().toSecondOfDay();
            for (int start = range.opens().toSecondOfDay(); start + length <= closes; start += length) {
                slots.add(day.atTime(LocalTime.ofSecondOfDay(start)).atZone(zone).toInstant());
            }
        }
        return slots;
    }

    /** A booked time must be one of the day's slots, still to come, within {@value #MOST_DAYS_AHEAD} days. */
    public static void requireBookable(Instant start, Instant now, OpeningCalendar calendar, ZoneId zone,
                                       int slotMinutes) {
        LocalDate day = start.atZone(zone).toLocalDate();
        if (!start.isAfter(now) || day.isAfter(now.atZone(zone).toLocalDate().plusDays(MOST_DAYS_AHEAD))) {
            throw Failure.invalid("bad_slot", "An appointment is booked for a time to come, within the next "
                    + MOST_DAYS_AHEAD + " days.");
        }
        if (!slots(calendar, zone, day, slotMinutes).contains(start)) {
            throw Failure.invalid("bad_slot", "This service has no appointment slot at that time.");
        }
    }

    public static CheckIn checkIn(Instant startsAt, Instant now, AppointmentSettings settings) {
        if (now.isBefore(startsAt.minus(Duration.ofMinutes(settings.earlyMinutes())))) {
            return CheckIn.TOO_EARLY;
        }
        return now.isAfter(startsAt.plus(Duration.ofMinutes(settings.lateMinutes()))) ? CheckIn.MISSED
                : CheckIn.ON_TIME;
    }

    /** Appointments booked for before this, and not checked in, were missed. */
    public static Instant missedBefore(Instant now, AppointmentSettings settings) {
        return now.minus(Duration.ofMinutes(settings.lateMinutes()));
    }

    public static String newCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    /** A code as typed or scanned ("k7p 2qx", "K7P-2QX"), or null when it cannot be one. */
    public static String normalizeCode(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (code.length() != CODE_LENGTH || !code.chars().allMatch(c -> CODE_ALPHABET.indexOf(c) >= 0)) {
            return null;
        }
        return code;
    }

    /** An optional name, trimmed: null when blank, refused beyond {@value #MAX_NAME} characters. */
    public static String name(String text) {
        String name = text == null ? "" : text.strip();
        if (name.length() > MAX_NAME) {
            throw Failure.invalid("'name' is at most " + MAX_NAME + " characters.");
        }
        return name.isEmpty() ? null : name;
    }
}
