package org.guichet.server.domain;

import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The public holidays a site closes on, computed for any year: France's eleven (Easter Monday, Ascension Thursday and
 * Whit Monday follow Easter), Alsace-Moselle's two more (Good Friday, St Stephen's day), or none.
 */
public enum PublicHolidays {

    FR, FR_ALSACE_MOSELLE, NONE;

    /** Parses a deployment's value: {@code FR}, {@code FR-ALSACE-MOSELLE} or {@code NONE}, any case. */
    public static PublicHolidays parse(String value) {
        if (value == null) {
            return FR;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("publicHolidays must be FR, FR-ALSACE-MOSELLE or NONE, not '"
                    + value + "'.");
        }
    }

    /** The holidays of a year, by date, each with its French name. */
    public Map<LocalDate, String> of(int year) {
        Map<LocalDate, String> days = new TreeMap<>();
        if (this == NONE) {
            return days;
        }
        LocalDate easter = easterSunday(year);
        days.put(LocalDate.of(year, Month.JANUARY, 1), "Jour de l'an");
        days.put(easter.plusDays(1), "Lundi de Pâques");
        days.put(LocalDate.of(year, Month.MAY, 1), "Fête du Travail");
        days.put(LocalDate.of(year, Month.MAY, 8), "Victoire 1945");
        days.put(easter.plusDays(39), "Ascension");
        days.put(easter.plusDays(50), "Lundi de Pentecôte");
        days.put(LocalDate.of(year, Month.JULY, 14), "Fête nationale");
        days.put(LocalDate.of(year, Month.AUGUST, 15), "Assomption");
        days.put(LocalDate.of(year, Month.NOVEMBER, 1), "Toussaint");
        days.put(LocalDate.of(year, Month.NOVEMBER, 11), "Armistice 1918");
        days.put(LocalDate.of(year, Month.DECEMBER, 25), "Noël");
        if (this == FR_ALSACE_MOSELLE) {
            days.put(easter.minusDays(2), "Vendredi saint");
            days.put(LocalDate.of(year, Month.DECEMBER, 26), "Saint-Étienne");
        }
        return days;
    }

    public boolean isHoliday(LocalDate date) {
        return of(date.getYear()).containsKey(date);
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous "computus", valid for every Gregorian year). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
