package org.guichet.kiosk.server;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One item of the kiosk menu: a service (issues a ticket), a sub-menu (opens its children) or an orientation entry
 * (prints where to go instead of a ticket).
 */
public record MenuEntry(String id, String kind, String name, Map<String, String> translations, Orientation orientation,
                        List<MenuEntry> children) {

    public static final String SERVICE = "service";
    public static final String MENU = "menu";
    public static final String ORIENTATION = "orientation";

    public MenuEntry {
        translations = Map.copyOf(translations);
        children = List.copyOf(children);
    }

    public static MenuEntry fromJson(JsonObject json) {
        Map<String, String> translations = new LinkedHashMap<>();
        JsonObject given = json.getJsonObject("translations", new JsonObject());
        for (String language : given.fieldNames()) {
            Object value = given.getValue(language);
            if (value instanceof String text && !text.isBlank()) {
                translations.put(language, text);
            }
        }
        List<MenuEntry> children = new ArrayList<>();
        JsonArray childJson = json.getJsonArray("children", new JsonArray());
        for (int i = 0; i < childJson.size(); i++) {
            children.add(fromJson(childJson.getJsonObject(i)));
        }
        String kind = json.getString("kind", SERVICE);
        JsonObject orientation = json.getJsonObject("orientation");
        return new MenuEntry(json.getString("id"), kind, json.getString("name", json.getString("id")), translations,
                ORIENTATION.equals(kind) && orientation != null ? Orientation.fromJson(orientation) : null, children);
    }

    /** The entry's name in the visitor's language, or its name (French) when there is no translation. */
    public String label(String language) {
        return translations.getOrDefault(language, name);
    }

    public boolean isService() {
        return SERVICE.equals(kind);
    }

    public boolean isMenu() {
        return MENU.equals(kind);
    }

    public boolean isOrientation() {
        return ORIENTATION.equals(kind);
    }

    Optional<MenuEntry> find(String entryId) {
        if (id.equals(entryId)) {
            return Optional.of(this);
        }
        for (MenuEntry child : children) {
            Optional<MenuEntry> found = child.find(entryId);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** What the touch UI needs: ids, kinds, labels in every language, children, and orientation details. */
    JsonObject toUiJson() {
        JsonObject labels = new JsonObject().put("fr", name);
        translations.forEach(labels::put);
        JsonObject json = new JsonObject().put("id", id).put("kind", kind).put("labels", labels);
        if (orientation != null) {
            json.put("orientation", orientation.toJson());
        }
        if (!children.isEmpty()) {
            JsonArray childJson = new JsonArray();
            children.forEach(child -> childJson.add(child.toUiJson()));
            json.put("children", childJson);
        }
        return json;
    }
}
