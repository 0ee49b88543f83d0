package org.guichet.kiosk.server;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.hardware.printer.TicketMessages;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kiosk menu of one site, as GET /api/v1/sites/{siteId}/menu returns it, with whether the site issues.
 *
 * @param footer            the ticket's last line as the site wrote it, in French
 * @param footerTranslations that line in the visitors' other languages, by language
 */
public record Menu(String siteId, String siteName, ZoneId zone, String footer, Map<String, String> footerTranslations,
                   List<MenuEntry> entries, Opening opening) {

    /** The language sites write their texts in. */
    public static final String FOOTER_LANGUAGE = TicketMessages.DEFAULT_LANGUAGE;

    public Menu {
        footerTranslations = Map.copyOf(footerTranslations);
        entries = List.copyOf(entries);
    }

    /** The footer in a language: French as written, another language only when the site translated it. */
    public String footer(String language) {
        return FOOTER_LANGUAGE.equals(language) ? footer : footerTranslations.get(language);
    }

    public static Menu fromJson(JsonObject json) {
        JsonObject site = json.getJsonObject("site", new JsonObject());
        List<MenuEntry> entries = new ArrayList<>();
        JsonArray entryJson = json.getJsonArray("entries", new JsonArray());
        for (int i = 0; i < entryJson.size(); i++) {
            entries.add(MenuEntry.fromJson(entryJson.getJsonObject(i)));
        }
        return new Menu(site.getString("id"), site.getString("name", ""), zone(site.getString("timeZone")),
                site.getString("footer"), footerTranslations(site.getJsonObject("translations", new JsonObject())),
                entries, Opening.fromJson(json.getJsonObject("opening")));
    }

    private static Map<String, String> footerTranslations(JsonObject translations) {
        Map<String, String> footers = new HashMap<>();
        for (String language : translations.fieldNames()) {
            if (translations.getValue(language) instanceof JsonObject translated
                    && translated.getValue("footer") instanceof String footer && !footer.isBlank()) {
                footers.put(language, footer);
            }
        }
        return footers;
    }

    private static ZoneId zone(String id) {
        try {
            return id == null ? ZoneId.systemDefault() : ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneId.systemDefault();
        }
    }

    /** Any entry of the tree, sub-menu children included. */
    public Optional<MenuEntry> find(String entryId) {
        for (MenuEntry entry : entries) {
            Optional<MenuEntry> found = entry.find(entryId);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    public JsonObject toUiJson() {
        JsonArray entryJson = new JsonArray();
        entries.forEach(entry -> entryJson.add(entry.toUiJson()));
        return new JsonObject().put("siteName", siteName).put("entries", entryJson);
    }
}
