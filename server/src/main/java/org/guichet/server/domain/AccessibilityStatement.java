package org.guichet.server.domain;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the organisation running Guichet declares about its accessibility, in the RGAA form: who it is, how to reach
 * it, and the result of its last conformance audit, if any. Configured under {@code accessibility:} in guichet.yaml.
 *
 * @param compliantPercent the share of RGAA criteria the last audit found respected, or null when there was no audit
 * @param nonCompliances   what the audit found not accessible, in French, one item per entry
 * @param derogations      contents not made accessible for a disproportionate burden, with the reason
 */
public record AccessibilityStatement(String organisation, String contactEmail, String contactAddress,
                                     String contactUrl, String multiYearPlanUrl, LocalDate statementDate,
                                     LocalDate auditDate, String auditor, Integer compliantPercent,
                                     List<String> nonCompliances, List<String> derogations) {

    /** The RGAA's three states. */
    public enum Conformance { TOTAL, PARTIAL, NONE }

    static final int MAX_TEXT = 500;

    public AccessibilityStatement {
        nonCompliances = List.copyOf(nonCompliances);
        derogations = List.copyOf(derogations);
    }

    /** What a server says before its organisation has filled anything in: no audit, so not conformant. */
    public static AccessibilityStatement unconfigured() {
        return new AccessibilityStatement(null, null, null, null, null, null, null, null, null, List.of(), List.of());
    }

    /**
     * The RGAA's rule: totally conformant when every criterion is respected, partially from half of them, and not
     * conformant below half or when no valid audit result exists.
     */
    public Conformance conformance() {
        if (compliantPercent == null) {
            return Conformance.NONE;
        }
        if (compliantPercent == 100) {
            return Conformance.TOTAL;
        }
        return compliantPercent >= 50 ? Conformance.PARTIAL : Conformance.NONE;
    }

    /** Reads the {@code accessibility:} section; a wrong value is refused with what was expected. */
    public static AccessibilityStatement fromConfig(JsonObject section) {
        if (section == null || section.isEmpty()) {
            return unconfigured();
        }
        JsonObject audit = object(section, "audit");
        Integer percent = percent(audit.getValue("compliantPercent"));
        LocalDate auditDate = date(audit, "date", "accessibility.audit.date");
        if (percent != null && auditDate == null) {
            throw new IllegalArgumentException("accessibility.audit.date is required with accessibility.audit"
                    + ".compliantPercent: an audit result is valid only with its date.");
        }
        return new AccessibilityStatement(text(section, "organisation"), text(section, "contactEmail"),
                text(section, "contactAddress"), webAddress(section, "contactUrl"),
                webAddress(section, "multiYearPlanUrl"),
                date(section, "statementDate", "accessibility.statementDate"), auditDate, text(audit, "auditor"),
                percent, texts(audit, "nonCompliances"), texts(section, "derogations"));
    }

    /** The statement as the public page reads it; absent fields are left out. */
    public JsonObject toJson() {
        JsonObject json = new JsonObject().put("conformance", conformance().name());
        putIfPresent(json, "organisation", organisation);
        putIfPresent(json, "contactEmail", contactEmail);
        putIfPresent(json, "contactAddress", contactAddress);
        putIfPresent(json, "contactUrl", contactUrl);
        putIfPresent(json, "multiYearPlanUrl", multiYearPlanUrl);
        putIfPresent(json, "statementDate", statementDate == null ? null : statementDate.toString());
        if (compliantPercent != null) {
            JsonObject audit = new JsonObject().put("date", auditDate.toString())
                    .put("compliantPercent", compliantPercent);
            putIfPresent(audit, "auditor", auditor);
            json.put("audit", audit.put("nonCompliances", new JsonArray(nonCompliances)));
        }
        return json.put("derogations", new JsonArray(derogations));
    }

    private static void putIfPresent(JsonObject json, String key, String value) {
        if (value != null) {
            json.put(key, value);
        }
    }

    private static JsonObject object(JsonObject section, String key) {
        Object value = section.getValue(key);
        if (value == null) {
            return new JsonObject();
        }
        if (value instanceof JsonObject object) {
            return object;
        }
        throw new IllegalArgumentException("accessibility." + key + " must be a section.");
    }

    private static String text(JsonObject section, String key) {
        Object value = section.getValue(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text) || text.isBlank() || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("accessibility: " + key + " must be a text of 1 to " + MAX_TEXT
                    + " characters.");
        }
        return text.strip();
    }

    /** An address the statement links to: a web page, never a script or a local file. */
    private static String webAddress(JsonObject section, String key) {
        String address = text(section, key);
        if (address != null && !address.matches("(?i)https?://\\S+")) {
            throw new IllegalArgumentException("accessibility: " + key + " must be a web address starting with "
                    + "https:// or http:// (got " + address + ").");
        }
        return address;
    }

    private static List<String> texts(JsonObject section, String key) {
        Object value = section.getValue(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw new IllegalArgumentException("accessibility: " + key + " must be a list of texts.");
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            texts.add(text(new JsonObject().put(key, array.getValue(i)), key));
        }
        return texts;
    }

    private static LocalDate date(JsonObject section, String key, String name) {
        Object value = section.getValue(key);
        if (value == null) {
            return null;
        }
        String text = String.valueOf(value);
        // An unquoted date in YAML arrives as that day's midnight UTC.
        if (text.endsWith("T00:00:00Z")) {
            text = text.substring(0, text.length() - "T00:00:00Z".length());
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a date written YYYY-MM-DD (got " + value + ").");
        }
    }

    private static Integer percent(Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
            || number.intValue() < 0 || number.intValue() > 100) {
            throw new IllegalArgumentException("accessibility.audit.compliantPercent must be a whole number from 0 "
                    + "to 100 (got " + value + ").");
        }
        return number.intValue();
    }
}
