package org.guichet.server.domain;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a site takes visitors: opening hours per weekday (several ranges a day, e.g. a lunch break), dates with their
 * own hours or closed, public holidays (closed unless the site opens on that one anyway), and a last-ticket cut-off
 * before each closing, so that nobody is given a ticket that cannot be served before the doors close. All times are
 * the site's local times: on the days clocks change, 08:30 is still 08:30.
 * <p>
 * A site with no opening hours declared is always open: deployments made before calendars existed keep working.
 */
public final class OpeningCalendar {

    /** How far ahead the next opening is looked for: a site closed for longer has none. */
    static final int DAYS_AHEAD = 400;
    private static final Map<String, DayOfWeek> DAY_KEYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY, "sat", DayOfWeek.SATURDAY,
            "sun", DayOfWeek.SUNDAY);

    /** A day of a site with no opening hours declared: open from midnight to midnight, with no cut-off. */
    private static final Range ALL_DAY = new Range(LocalTime.MIN, LocalTime.MAX);

    public static final OpeningCalendar ALWAYS_OPEN = parse(new JsonObject(), new JsonObject());

    /** One opening of a day, e.g. 08:30–12:00. */
    public record Range(LocalTime opens, LocalTime closes) {
    }

    /**
     * Where a site stands at an instant.
     *
     * @param open        the doors are open (agents may serve, and issue for visitors already inside)
     * @param issuing     a kiosk may issue: open, and before the last-ticket cut-off
     * @param reason      why it does not issue, for the log and the API; {@code null} while issuing
     * @param lastTicket  while issuing, when it stops (the cut-off before the closing); {@code null} if never
     * @param nextOpening while not issuing, when it issues again; {@code null} if not within {@value #DAYS_AHEAD} days
     */
    public record Status(boolean open, boolean issuing, Reason reason, ZonedDateTime lastTicket,
                         ZonedDateTime nextOpening) {

        /** When the status changes next, if it does. */
        public Optional<ZonedDateTime> nextChange() {
            return Optional.ofNullable(issuing ? lastTicket : nextOpening);
        }
    }

    /** Why a site does not issue; ARCHIVED is the site's, not its calendar's. */
    public enum Reason { OUTSIDE_HOURS, AFTER_LAST_TICKET, CLOSURE, PUBLIC_HOLIDAY, ARCHIVED }

    private final Map<DayOfWeek, List<Range>> weekly;
    private final Map<LocalDate, List<Range>> specialDays;
    private final Set<LocalDate> closures;
    private final PublicHolidays holidays;
    private final Set<LocalDate> openOnHolidays;
    private final Duration lastTicketBeforeClosing;
    private final Map<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();
    private final JsonObject openingHoursJson;
    private final JsonObject calendarJson;

    private OpeningCalendar(JsonObject openingHoursJson, JsonObject calendarJson, Map<DayOfWeek, List<Range>> weekly, Map<LocalDate, List<Range>> specialDays,
                            Set<LocalDate> closures, PublicHolidays holidays, Set<LocalDate> openOnHolidays,
                            Duration lastTicketBeforeClosing) {
        this.openingHoursJson = openingHoursJson;
        this.calendarJson = calendarJson;
        this.weekly = weekly;
        this.specialDays = specialDays;
        this.closures = closures;
        this.holidays = holidays;
        this.openOnHolidays = openOnHolidays;
        this.lastTicketBeforeClosing = lastTicketBeforeClosing;
    }

    /**
     * Reads a site's {@code openingHours} ({@code {mon: "08:30-12:00, 13:30-17:00", …}}, a day left out being
     * closed) and {@code calendar} block ({@code closures}: dates or {@code from..to} spans; {@code specialHours}: a
     * date's own hours, {@code ""} for closed; {@code publicHolidays}: FR, FR-ALSACE-MOSELLE or NONE;
     * {@code openOnHolidays}: holidays it opens on anyway; {@code lastTicketMinutesBeforeClosing}).
     *
     * @throws IllegalArgumentException with a sentence saying what is wrong
     */
    public static OpeningCalendar parse(JsonObject openingHours, JsonObject calendar) {
        JsonObject hours = openingHours == null ? new JsonObject() : openingHours;
        JsonObject block = calendar == null ? new JsonObject() : calendar;
        Map<DayOfWeek, List<Range>> weekly = null;
        if (!hours.isEmpty()) {
            weekly = new EnumMap<>(DayOfWeek.class);
            for (String key : hours.fieldNames()) {
                DayOfWeek day = DAY_KEYS.get(key);
                if (day == null) {
                    throw new IllegalArgumentException("openingHours: '" + key
                            + "' is not a day (mon, tue, wed, thu, fri, sat, sun).");
                }
                weekly.put(day, ranges(hours.getValue(key), "openingHours." + key));
            }
        }
        Map<LocalDate, List<Range>> special = new HashMap<>();
        JsonObject specialHours = object(block, "specialHours");
        for (String key : specialHours.fieldNames()) {
            special.put(date(key, "calendar.specialHours"), ranges(specialHours.getValue(key),
                    "calendar.specialHours." + key));
        }
        Set<LocalDate> closures = new HashSet<>();
        for (Object item : array(block, "closures")) {
            closures.addAll(span(item));
        }
        Set<LocalDate> openOn = new HashSet<>();
        for (Object item : array(block, "openOnHolidays")) {
            openOn.add(date(item, "calendar.openOnHolidays"));
        }
        Object cutOff = block.getValue("lastTicketMinutesBeforeClosing", 0);
        if (!(cutOff instanceof Integer minutes) || minutes < 0 || minutes > 240) {
            throw new IllegalArgumentException(
                    "calendar.lastTicketMinutesBeforeClosing must be a whole number of minutes from 0 to 240.");
        }
        Object holidays = block.getValue("publicHolidays");
        if (holidays != null && !(holidays instanceof String)) {
            throw new IllegalArgumentException("calendar.publicHolidays must be FR, FR-ALSACE-MOSELLE or NONE.");
        }
        return new OpeningCalendar(hours.copy(), block.copy(), weekly, Map.copyOf(special), Set.copyOf(closures),
                PublicHolidays.parse((String) holidays), Set.copyOf(openOn), Duration.ofMinutes(minutes));
    }

    /** The {@code openingHours} block it was read from. */
    public JsonObject openingHoursJson() {
        return openingHoursJson.copy();
    }

    /** The {@code calendar} block it was read from. */
    public JsonObject calendarJson() {
        return calendarJson.copy();
    }

    /** Whether opening hours are declared at all; without them the site is always open. */
    public boolean hasHours() {
        return weekly != null;
    }

    /** Where the site stands at {@code now}, in its time zone. */
    public Status at(Instant now, ZoneId zone) {
        if (weekly == null && closures.isEmpty() && specialDays.isEmpty()) {
            return new Status(true, true, null, null, null);
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        Reason closedReason = closedReason(today);
        if (closedReason == null) {
            for (Range range : rangesOf(today)) {
                ZonedDateTime opens = ZonedDateTime.of(today, range.opens(), zone);
                ZonedDateTime closes = ZonedDateTime.of(today, range.closes(), zone);
                if (!now.isBefore(opens.toInstant()) && now.isBefore(closes.toInstant())) {
                    if (range == ALL_DAY) {
                        return new Status(true, true, null, null, null);
                    }
                    ZonedDateTime lastTicket = closes.minus(lastTicketBeforeClosing);
                    if (now.isBefore(lastTicket.toInstant())) {
                        return new Status(true, true, null, lastTicket, null);
                    }
                    return new Status(true, false, Reason.AFTER_LAST_TICKET, null, nextOpening(now, zone));
                }
            }
        }
        return new Status(false, false, closedReason == null ? Reason.OUTSIDE_HOURS : closedReason, null,
                nextOpening(now, zone));
    }

    /**
     * The site's openings on a local date, in order: none when closed that day (closure, public holiday, no hours
     * that weekday); midnight to midnight when the site declares no hours.
     */
    public List<Range> openingsOn(LocalDate day) {
        return closedReason(day) != null ? List.of() : rangesOf(day);
    }

    private ZonedDateTime nextOpening(Instant now, ZoneId zone) {
        LocalDate day = now.atZone(zone).toLocalDate();
        for (int i = 0; i <= DAYS_AHEAD; i++, day = day.plusDays(1)) {
            if (closedReason(day) != null) {
                continue;
            }
            for (Range range : rangesOf(day)) {
                ZonedDateTime opens = ZonedDateTime.of(day, range.opens(), zone);
                ZonedDateTime lastTicket = range == ALL_DAY ? opens.plusDays(1)
                        : ZonedDateTime.of(day, range.closes(), zone).minus(lastTicketBeforeClosing);
                if (opens.toInstant().isAfter(now) && opens.isBefore(lastTicket)) {
                    return opens;
                }
            }
        }
        return null;
    }

    /** Why a whole day is closed, or {@code null} when its hours apply. */
    private Reason closedReason(LocalDate day) {
        if (closures.contains(day)) {
            return Reason.CLOSURE;
        }
        if (!specialDays.containsKey(day) && !openOnHolidays.contains(day) && isHoliday(day)) {
            return Reason.PUBLIC_HOLIDAY;
        }
        return null;
    }

    private List<Range> rangesOf(LocalDate day) {
        List<Range> special = specialDays.get(day);
        if (special != null) {
            return special;
        }
        if (weekly == null) {
            return List.of(ALL_DAY);
        }
        return weekly.getOrDefault(day.getDayOfWeek(), List.of());
    }

    private boolean isHoliday(LocalDate day) {
        return holidaysByYear.computeIfAbsent(day.getYear(), year -> holidays.of(year).keySet()).contains(day);
    }

    /** {@code "08:30-12:00, 13:30-17:00"}, or a list of such ranges; {@code ""} or an empty list for closed. */
    static List<Range> ranges(Object value, String where) {
        List<String> texts = new ArrayList<>();
        if (value instanceof String text) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    texts.add(part.trim());
                }
            }
        } else if (value instanceof JsonArray array) {
            array.forEach(item -> texts.add(String.valueOf(item).trim()));
        } else {
            throw new IllegalArgumentException(where + " must be ranges such as \"08:30-12:00, 13:30-17:00\".");
        }
        List<Range> ranges = new ArrayList<>();
        for (String text : texts) {
            String[] ends = text.split("-");
            if (ends.length != 2) {
                throw new IllegalArgumentException(where + ": '" + text + "' is not a range such as 08:30-12:00.");
            }
            Range range = new Range(time(ends[0], where), time(ends[1], where));
            if (!range.closes().isAfter(range.opens())) {
                throw new IllegalArgumentException(where + ": '" + text + "' closes before it opens.");
            }
            ranges.add(range);
        }
        ranges.sort(Comparator.comparing(Range::opens));
        for (int i = 1; i < ranges.size(); i++) {
            if (ranges.get(i).opens().isBefore(ranges.get(i - 1).closes())) {
                throw new IllegalArgumentException(where + ": ranges overlap.");
            }
        }
        return List.copyOf(ranges);
    }

    private static LocalTime time(String text, String where) {
        try {
            return LocalTime.parse(text.trim().length() == 4 ? "0" + text.trim() : text.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(where + ": '" + text.trim() + "' is not a time such as 08:30.");
        }
    }

    private static LocalDate date(Object value, String where) {
        try {
            return LocalDate.parse(String.valueOf(value).trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(where + ": '" + value + "' is not a date such as 2026-12-24.");
        }
    }

    /** {@code "2026-12-24"} or {@code "2026-12-24..2026-12-31"}. */
    private static List<LocalDate> span(Object value) {
        String text = String.valueOf(value).trim();
        String[] ends = text.split("\\.\\.");
        LocalDate from = date(ends[0], "calendar.closures");
        LocalDate to = ends.length == 2 ? date(ends[1], "calendar.closures") : from;
        if (ends.length > 2 || to.isBefore(from) || from.plusDays(DAYS_AHEAD).isBefore(to)) {
            throw new IllegalArgumentException("calendar.closures: '" + text
                    + "' must be a date or a span such as 2026-12-24..2026-12-31 of at most " + DAYS_AHEAD
                    + " days.");
        }
        return from.datesUntil(to.plusDays(1)).toList();
    }

    private static JsonObject object(JsonObject json, String field) {
        Object value = json.getValue(field);
        if (value == null) {
            return new JsonObject();
        }
        if (!(value instanceof JsonObject object)) {
            throw new IllegalArgumentException("calendar." + field + " must be a map of dates to hours.");
        }
        return object;
    }

    private static JsonArray array(JsonObject json, String field) {
        Object value = json.getValue(field);
        if (value == null) {
            return new JsonArray();
        }
        if (!(value instanceof JsonArray array)) {
            throw new IllegalArgumentException("calendar." + field + " must be a list of dates.");
        }
        return array;
    }
}
