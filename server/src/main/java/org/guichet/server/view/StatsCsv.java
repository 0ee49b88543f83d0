package org.guichet.server.view;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads accents), CRLF line ends, RFC 4180 quoting,
 * comma or semicolon separated, decimal point or comma. French spreadsheets want semicolons and decimal commas.
 * (A leading "sep=;" line is not written: Excel then ignores the byte-order mark and garbles accents.) Text cells
 * that a spreadsheet would take for a formula are prefixed with an apostrophe.
 */
public final class StatsCsv {

    public static final String BOM = "\uFEFF";

    public record Options(char separator, boolean decimalComma, String language) {

        public static final Options FRENCH = new Options(';', true, "fr");
        public static final Options ENGLISH = new Options(',', false, "en");

        public boolean french() {
            return "fr".equals(language);
        }
    }

    /** One column: its French and English headers and how a row gives its cell (String, Number or null). */
    public record Column(String french, String english, Function<JsonObject, Object> cell) {
    }

    private StatsCsv() {
    }

    public static String write(List<Column> columns, List<JsonObject> rows, Options options) {
        StringBuilder csv = new StringBuilder(BOM);
        List<String> header = new ArrayList<>();
        columns.forEach(column -> header.add(text(options.french() ? column.french() : column.english(), options)));
        csv.append(String.join(String.valueOf(options.separator()), header)).append("\r\n");
        for (JsonObject row : rows) {
            List<String> cells = new ArrayList<>();
            for (Column column : columns) {
                cells.add(cell(column.cell().apply(row), options));
            }
            csv.append(String.join(String.valueOf(options.separator()), cells)).append("\r\n");
        }
        return csv.toString();
    }

    static String cell(Object value, Options options) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number number) {
            return number(number, options);
        }
        return text(value.toString(), options);
    }

    static String number(Number number, Options options) {
        String plain = number instanceof Double || number instanceof Float || number instanceof BigDecimal
                ? new BigDecimal(number.toString()).stripTrailingZeros().toPlainString()
                : number.toString();
        return options.decimalComma() ? plain.replace('.', ',') : plain;
    }

    static String text(String value, Options options) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.indexOf(options.separator()) >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    /** Seconds to minutes with two decimals (null stays null). */
    public static Object minutes(Object seconds) {
        if (!(seconds instanceof Number number)) {
            return null;
        }
        return BigDecimal.valueOf(number.doubleValue()).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }

    /** Seconds to hours with two decimals. */
    public static Object hours(Object seconds) {
        if (!(seconds instanceof Number number)) {
            return null;
        }
        return BigDecimal.valueOf(number.doubleValue()).divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP);
    }

    /** A share 0..1 as a percentage with one decimal. */
    public static Object percent(Object share) {
        if (!(share instanceof Number number)) {
            return null;
        }
        return BigDecimal.valueOf(number.doubleValue() * 100).setScale(1, RoundingMode.HALF_UP);
    }

    /** Columns of a breakdown ({@link Metrics#toJson()} rows). */
    public static List<Column> metricColumns(int thresholdMinutes) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("Clé", "Key", row -> row.getValue("key")));
        columns.add(new Column("Libellé", "Label", row -> row.getValue("label")));
        columns.add(new Column("Tickets émis", "Tickets issued", row -> row.getValue("issued")));
        columns.add(new Column("Transferts reçus", "Transferred in", row -> row.getValue("transferredIn")));
        columns.add(new Column("Servis", "Served", row -> row.getValue("served")));
        columns.add(new Column("Absents", "No-shows", row -> row.getValue("noShow")));
        columns.add(new Column("Annulés", "Cancelled", row -> row.getValue("cancelled")));
        columns.add(new Column("Transférés", "Transferred", row -> row.getValue("transferred")));
        columns.add(new Column("En cours", "In progress", row -> row.getValue("inProgress")));
        durationColumns(columns, "wait", "Attente", "Wait");
        columns.add(new Column("Part appelée dans l'objectif (%)", "Called within target (%)",
                row -> percent(row.getJsonObject("withinTarget").getValue("share"))));
        columns.add(new Column("Part appelée en " + thresholdMinutes + " min ou moins (%)",
                "Called within " + thresholdMinutes + " min (%)",
                row -> percent(row.getJsonObject("withinThreshold").getValue("share"))));
        durationColumns(columns, "walk", "Trajet au guichet", "Walk to counter");
        durationColumns(columns, "service", "Service", "Service");
        return columns;
    }

    /** French adjectives agree with the noun: "Attente" is feminine, "Trajet" and "Service" masculine. */
    private static void durationColumns(List<Column> columns, String field, String french, String english) {
        boolean feminine = french.startsWith("Attente");
        columns.add(new Column(french + " : nombre", english + ": count",
                row -> row.getJsonObject(field).getValue("count")));
        columns.add(new Column(french + (feminine ? " moyenne" : " moyen") + " (min)", english + " average (min)",
                row -> minutes(row.getJsonObject(field).getValue("averageSeconds"))));
        columns.add(new Column(french + (feminine ? " médiane" : " médian") + " (min)", english + " median (min)",
                row -> minutes(row.getJsonObject(field).getValue("medianSeconds"))));
        columns.add(new Column(french + " 90e centile (min)", english + " 90th percentile (min)",
                row -> minutes(row.getJsonObject(field).getValue("p90Seconds"))));
        columns.add(new Column(french + (feminine ? " maximale" : " maximal") + " (min)", english + " maximum (min)",
                row -> minutes(row.getJsonObject(field).getValue("maxSeconds"))));
    }

    public static List<Column> hourColumns() {
        return List.of(
                new Column("Créneau", "Slot", row -> row.getValue("slot")),
                new Column("Arrivées", "Arrivals", row -> row.getValue("arrivals")),
                new Column("Appelés", "Called", row -> row.getValue("called")),
                new Column("Attente moyenne (min)", "Average wait (min)",
                        row -> minutes(row.getValue("averageWaitSeconds"))));
    }

    /** Hours then weekdays of {@link HourProfile#toJson()}, each row with a readable slot. */
    public static List<JsonObject> hourRows(JsonObject profile, Options options) {
        String[] days = options.french()
                ? new String[]{"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"}
                : new String[]{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
        List<JsonObject> rows = new ArrayList<>();
        JsonArray hours = profile.getJsonArray("hours");
        for (int i = 0; i < hours.size(); i++) {
            JsonObject hour = hours.getJsonObject(i);
            int h = hour.getInteger("hour");
            rows.add(hour.copy().put("slot", String.format(Locale.ROOT, "%02d:00-%02d:00", h, (h + 1) % 24)));
        }
        JsonArray weekdays = profile.getJsonArray("weekdays");
        for (int i = 0; i < weekdays.size(); i++) {
            JsonObject day = weekdays.getJsonObject(i);
            rows.add(day.copy().put("slot", days[day.getInteger("weekday") - 1]));
        }
        return rows;
    }

    public static List<Column> occupancyColumns() {
        return List.of(
                new Column("Guichet", "Counter", row -> row.getValue("label")),
                new Column("Site", "Site", row -> row.getValue("siteId")),
                new Column("Ouvert (h)", "Open (h)", row -> hours(row.getValue("openSeconds"))),
                new Column("En pause (h)", "Paused (h)", row -> hours(row.getValue("pausedSeconds"))),
                new Column("Appel en cours (h)", "Calling (h)", row -> hours(row.getValue("callingSeconds"))),
                new Column("En service (h)", "Serving (h)", row -> hours(row.getValue("servingSeconds"))),
                new Column("Disponible sans visiteur (h)", "Idle (h)", row -> hours(row.getValue("idleSeconds"))),
                new Column("Occupation (%)", "Occupancy (%)", row -> percent(row.getValue("occupancy"))),
                new Column("Appels", "Calls", row -> row.getValue("calls")));
    }
}
