package org.guichet.server.domain;

import io.vertx.core.json.JsonObject;

/**
 * Who is responsible for the personal data Guichet processes and how to reach them, as the privacy notice states it
 * (GDPR articles 13 and 14). Configured under {@code privacy:} in guichet.yaml; the notice's other facts (what is
 * kept, why, for how long) come from the code and the retention periods.
 *
 * @param controller        the organisation responsible (the "responsable de traitement"), e.g. "Département de X"
 * @param controllerAddress its postal address
 * @param dpoEmail          its data protection officer's e-mail address
 * @param dpoAddress        the officer's postal address, when letters go elsewhere than the controller's
 * @param contactUrl        a web page (a form) for exercising one's rights
 */
public record PrivacyNotice(String controller, String controllerAddress, String dpoEmail, String dpoAddress,
                            String contactUrl) {

    static final int MAX_TEXT = 500;

    /** A server whose operator has not filled anything in: the notice then sends visitors to the reception desk. */
    public static PrivacyNotice unconfigured() {
        return new PrivacyNotice(null, null, null, null, null);
    }

    /** Reads the {@code privacy:} section; a wrong value is refused with what was expected. */
    public static PrivacyNotice fromConfig(JsonObject section) {
        if (section == null || section.isEmpty()) {
            return unconfigured();
        }
        String email = text(section, "dpoEmail");
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("privacy.dpoEmail must be an e-mail address (got " + email + ").");
        }
        String url = text(section, "contactUrl");
        if (url != null && !url.matches("(?i)https?://\\S+")) {
            throw new IllegalArgumentException("privacy.contactUrl must be a web address starting with https:// or "
                    + "http:// (got " + url + ").");
        }
        return new PrivacyNotice(text(section, "controller"), text(section, "controllerAddress"), email,
                text(section, "dpoAddress"), url);
    }

    /** The notice as the public page reads it, with the retention periods in force; absent fields are left out. */
    public JsonObject toJson(RetentionPolicy retention, long auditDays, long sessionHours) {
        JsonObject json = new JsonObject();
        putIfPresent(json, "controller", controller);
        putIfPresent(json, "controllerAddress", controllerAddress);
        putIfPresent(json, "dpoEmail", dpoEmail);
        putIfPresent(json, "dpoAddress", dpoAddress);
        putIfPresent(json, "contactUrl", contactUrl);
        return json.put("retention", new JsonObject()
                .put("notesDays", retention.notesDays())
                .put("pseudonymiseAfterDays", retention.pseudonymiseAfterDays())
                .put("ticketMonths", retention.ticketMonths())
                .put("auditDays", auditDays)
                .put("sessionHours", sessionHours));
    }

    private static void putIfPresent(JsonObject json, String key, String value) {
        if (value != null) {
            json.put(key, value);
        }
    }

    private static String text(JsonObject section, String key) {
        Object value = section.getValue(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text) || text.isBlank() || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("privacy." + key + " must be a text of 1 to " + MAX_TEXT
                    + " characters.");
        }
        return text.strip();
    }
}
