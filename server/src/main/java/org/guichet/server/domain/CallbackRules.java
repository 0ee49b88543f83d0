package org.guichet.server.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/** The rules of call-backs: the caller's window, and what an attempt's outcome does to the request. */
public final class CallbackRules {

    /** How far ahead a caller may ask to be called back. */
    public static final int MOST_DAYS_AHEAD = 30;
    public static final int MAX_SUBJECT = 200;

    /** What follows an attempt: the request's new status, and when it may be called again if it waits again. */
    public record Next(Callback.Status status, Instant notBefore) {

        /** Whether the number is erased now: the request is over. */
        public boolean erasesNumber() {
            return status != Callback.Status.WAITING;
        }
    }

    private CallbackRules() {
    }

    /**
     * After an attempt made at {@code now}: answered and wrong number close the request; no answer puts it back
     * waiting for {@code retryAfter}, unless it was the last attempt allowed (then UNREACHED).
     *
     * @param attempt this attempt's number, from 1
     */
    public static Next after(CallbackOutcome outcome, int attempt, Instant now, CallbackSettings settings) {
        return switch (outcome) {
            case ANSWERED -> new Next(Callback.Status.ANSWERED, null);
            case WRONG_NUMBER -> new Next(Callback.Status.WRONG_NUMBER, null);
            case NO_ANSWER -> attempt >= settings.maxAttempts() ? new Next(Callback.Status.UNREACHED, null)
                    : new Next(Callback.Status.WAITING, now.plus(settings.retryAfter()));
        };
    }

    /**
     * The caller's window on a local date, between two local times (each optional: from now, or the day's first
     * opening; until the day's last closing, or midnight for a site without hours). Refused when it is over already,
     * too far ahead, reversed, or entirely outside the site's opening hours that day.
     */
    public static Window window(LocalDate date, LocalTime from, LocalTime to, Instant now, ZoneId zone,
                                OpeningCalendar calendar) {
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate day = date == null ? firstDayStillOpen(today, to, now, zone, calendar) : date;
        if (day.isBefore(today) || day.isAfter(today.plusDays(MOST_DAYS_AHEAD))) {
            throw Failure.invalid("bad_window", "The day must be today or within the next " + MOST_DAYS_AHEAD
                    + " days.");
        }
        List<OpeningCalendar.Range> openings = calendar.openingsOn(day);
        if (openings.isEmpty()) {
            throw Failure.invalid("outside_opening_hours", "The site is closed on " + day + ": choose another day.");
        }
        LocalTime start = from != null ? from : openings.get(0).opens();
        ZonedDateTime end = to != null ? day.atTime(to).atZone(zone)
                : day.atTime(openings.get(openings.size() - 1).closes()).atZone(zone);
        Instant startAt = day.atTime(start).atZone(zone).toInstant();
        if (startAt.isBefore(now)) {
            startAt = now;
        }
        if (!end.toInstant().isAfter(now)) {
            throw Failure.invalid("bad_window", "This time range is over already.");
        }
        if (!end.toInstant().isAfter(startAt)) {
            throw Failure.invalid("bad_window", "The end of the time range must come after its start.");
        }
        Instant windowStart = startAt;
        if (openings.stream().noneMatch(range ->
                day.atTime(range.opens()).atZone(zone).toInstant().isBefore(end.toInstant())
                && day.atTime(range.closes()).atZone(zone).toInstant().isAfter(windowStart))) {
            throw Failure.invalid("outside_opening_hours", "The time range is outside the site's opening hours that "
                    + "day.");
        }
        return new Window(startAt, end.toInstant());
    }

    /**
     * Without a day: today while the site still opens later today (or the time asked for is still to come), else
     * the next day it opens, within {@value #MOST_DAYS_AHEAD} days; an evening caller is called back tomorrow.
     */
    private static LocalDate firstDayStillOpen(LocalDate today, LocalTime to, Instant now, ZoneId zone,
                                               OpeningCalendar calendar) {
        for (int ahead = 0; ahead <= MOST_DAYS_AHEAD; ahead++) {
            LocalDate day = today.plusDays(ahead);
            List<OpeningCalendar.Range> openings = calendar.openingsOn(day);
            if (openings.isEmpty()) {
                continue;
            }
            LocalTime closes = to != null ? to : openings.get(openings.size() - 1).closes();
            if (day.atTime(closes).atZone(zone).toInstant().isAfter(now)) {
                return day;
            }
        }
        return today;
    }

    /** When the caller wishes to be called: [from, to). */
    public record Window(Instant from, Instant to) {
    }

    /** A subject as the agent or caller typed it: 1 to {@value #MAX_SUBJECT} characters, trimmed. */
    public static String subject(String text) {
        String subject = text == null ? "" : text.strip();
        if (subject.isEmpty() || subject.length() > MAX_SUBJECT) {
            throw Failure.invalid("'subject' must say in 1 to " + MAX_SUBJECT + " characters what the call is about.");
        }
        return subject;
    }
}
