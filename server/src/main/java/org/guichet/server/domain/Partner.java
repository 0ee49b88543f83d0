package org.guichet.server.domain;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An authority or partner of the orientation directory, shared by every site: where agents send a visitor whose request
 * another body handles (the CAF, the CPAM, a commune, the prefecture, the region). What the visitor is handed: name,
 * address, opening hours, phone, web site. Keywords help agents find it ("RSA", "carte grise"). Never deleted, only
 * made inactive, so that past orientations keep a name.
 */
public record Partner(String id, String name, String kind, String address, String hours, String phone, String web,
                      List<String> keywords, boolean active) {

    static final int MAX_NAME = 120;
    static final int MAX_KIND = 60;
    static final int MAX_ADDRESS = 300;
    static final int MAX_HOURS = 200;
    static final int MAX_PHONE = 30;
    static final int MAX_WEB = 300;
    static final int MAX_KEYWORDS = 30;
    static final int MAX_KEYWORD = 40;

    public Partner {
        keywords = List.copyOf(keywords);
    }

    /** Reads and checks an entry as an administrator sends it ({@code id} from the path); 400 on anything wrong. */
    public static Partner fromJson(String id, JsonObject json) {
        DeploymentRules.requireId(id, "partner");
        List<String> keywords = new ArrayList<>();
        Object listed = json.getValue("keywords");
        if (listed != null) {
            if (!(listed instanceof JsonArray array) || array.size() > MAX_KEYWORDS) {
                throw Failure.invalid("keywords must be a list of at most " + MAX_KEYWORDS + " words.");
            }
            for (Object keyword : array) {
                if (!(keyword instanceof String word) || word.isBlank() || word.length() > MAX_KEYWORD) {
                    throw Failure.invalid("Each keyword is text of 1 to " + MAX_KEYWORD + " characters.");
                }
                keywords.add(word.strip());
            }
        }
        String phone = text(json, "phone", MAX_PHONE, false);
        if (phone != null && !phone.matches("\\+?[0-9][0-9 .]*")) {
            throw Failure.invalid("phone holds digits, spaces and dots, with an optional + first.");
        }
        String web = text(json, "web", MAX_WEB, false);
        if (web != null && !web.matches("https?://[^\\s<>\"]+")) {
            throw Failure.invalid("web must be an http:// or https:// address.");
        }
        Object active = json.getValue("active", true);
        if (!(active instanceof Boolean isActive)) {
            throw Failure.invalid("active must be true or false.");
        }
        return new Partner(id, text(json, "name", MAX_NAME, true), text(json, "kind", MAX_KIND, true),
                text(json, "address", MAX_ADDRESS, false), text(json, "hours", MAX_HOURS, false), phone, web,
                keywords, isActive);
    }

    private static String text(JsonObject json, String field, int maxLength, boolean required) {
        Object value = json.getValue(field);
        if (value == null || (value instanceof String blank && blank.isBlank())) {
            if (required) {
                throw Failure.invalid(field + " is required.");
            }
            return null;
        }
        if (!(value instanceof String text) || text.length() > maxLength) {
            throw Failure.invalid(field + " must be text of at most " + maxLength + " characters.");
        }
        return text.strip();
    }

    /** Whether every word of the query is in the name, kind, address or a keyword (ignoring case and accents). */
    public boolean matches(String query) {
        String haystack = fold(String.join(" ", name, kind, address == null ? "" : address, String.join(" ", keywords)));
        for (String word : fold(query).split("\\s+")) {
            if (!word.isEmpty() && !haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    static String fold(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }

    public JsonObject toJson() {
        return new JsonObject().put("id", id).mergeIn(forVisitor()).put("keywords", new JsonArray(keywords))
                .put("active", active);
    }

    /** What the visitor is handed: no keyword, no state. */
    public JsonObject forVisitor() {
        JsonObject json = new JsonObject().put("name", name).put("kind", kind);
        putIfPresent(json, "address", address);
        putIfPresent(json, "hours", hours);
        putIfPresent(json, "phone", phone);
        putIfPresent(json, "web", web);
        return json;
    }

    private static void putIfPresent(JsonObject json, String field, String value) {
        if (value != null) {
            json.put(field, value);
        }
    }
}
