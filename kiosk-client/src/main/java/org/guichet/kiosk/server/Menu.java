package org.guichet.kiosk.server;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The kiosk menu of one site, as GET /api/v1/sites/{siteId}/menu returns it, with whether the site issues. */
public record Menu(String siteId, String siteName, ZoneId zone, String footer, List<MenuEntry> entries,
                   Opening opening) {

    public Menu {
        entries = List.copyOf(entries);
    }

    public static Menu fromJson(JsonObject json) {
        JsonObject site = json.getJsonObject("site", new JsonObject());
        List<MenuEntry> entries = new ArrayList<>();
        JsonArray entryJson = json.getJsonArray("entries", new JsonArray());
        for (int i = 0; i < entryJson.size(); i++) {
            entries.add(MenuEntry.fromJson(entryJson.getJsonObject(i)));
        }
        return new Menu(site.getString("id"), site.getString("name", ""), zone(site.getString("timeZone")),
                site.getString("footer"), entries, Opening.fromJson(json.getJsonObject("opening")));
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
