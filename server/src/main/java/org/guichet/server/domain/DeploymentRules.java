package org.guichet.server.domain;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a deployment (sites with their rooms, services, counters and devices, as in the configuration file or sent to
 * the admin API) must be before anything of it is written: every id well formed and declared once, every reference
 * to a room, parent, service or counter of the same site, prefixes, kinds, time zones and policies valid.
 */
public final class DeploymentRules {

    /** A site's time zone when the deployment does not give one. */
    public static final String DEFAULT_TIME_ZONE = "Europe/Paris";
    /** A service's target wait when the deployment does not give one. */
    public static final int DEFAULT_TARGET_WAIT_MINUTES = 15;
    /** How soon a caller asking for a call-back should be called back, unless the service says otherwise. */
    public static final int DEFAULT_CALLBACK_TARGET_MINUTES = 240;

    private static final Set<String> KINDS = Set.of("service", "menu", "orientation");
    private static final Set<String> DEVICE_KINDS = Set.of(Device.KIOSK, Device.SCREEN, Device.COUNTER_SCREEN);
    private static final String ID_PATTERN = "[a-z0-9][a-z0-9_-]{0,63}";
    private static final int MAX_ADDRESS = 300;
    private static final int MAX_PLACE = 100;
    private static final int MAX_DIRECTIONS = 500;
    private static final int MAX_FOOTER = 300;
    private static final int MAX_OUTCOMES = 20;
    private static final int MAX_OUTCOME_NAME = 80;
    /** What a room's translation may hold, and how long each. */
    private static final Map<String, Integer> ROOM_TRANSLATED = Map.of("name", MAX_PLACE, "directions", MAX_DIRECTIONS);
    /** What a site's translation may hold: its ticket footer, for tickets in other languages than French. */
    private static final Map<String, Integer> SITE_TRANSLATED = Map.of("footer", MAX_FOOTER);
    private static final List<String> SITE_PARTS = List.of("rooms", "services", "counters", "devices");

    private DeploymentRules() {
    }

    /**
     * Checks the whole deployment. A site is declared once; a room, service, counter or device id is a code its site
     * declares once for its kind, and another site may use it too ({@link EntityKeys}).
     */
    public static void validate(JsonObject deployment) {
        Set<String> sites = new HashSet<>();
        for (Object entry : list(deployment, "sites")) {
            JsonObject site = asObject(entry, "site");
            validateSite(site);
            if (!sites.add(site.getString("id"))) {
                throw Failure.invalid("Site '" + site.getString("id") + "' is declared twice.");
            }
            for (String part : SITE_PARTS) {
                Set<String> codes = new HashSet<>();
                for (Object item : list(site, part)) {
                    String id = ((JsonObject) item).getString("id");
                    if (!codes.add(id)) {
                        throw Failure.invalid("Site '" + site.getString("id") + "': id '" + id
                                + "' is declared twice in " + part + ".");
                    }
                }
            }
        }
    }

    /**
     * The deployment with every field left empty removed ({@code footer:} with nothing after it in YAML, or a JSON
     * null): an empty field means the same as one left out, its default.
     */
    public static JsonObject withoutEmptyFields(JsonObject json) {
        JsonObject copy = new JsonObject();
        json.forEach(field -> {
            if (field.getValue() != null) {
                copy.put(field.getKey(), withoutEmptyFields(field.getValue()));
            }
        });
        return copy;
    }

    private static Object withoutEmptyFields(Object value) {
        if (value instanceof JsonObject json) {
            return withoutEmptyFields(json);
        }
        if (value instanceof JsonArray array) {
            JsonArray copy = new JsonArray();
            array.forEach(item -> copy.add(withoutEmptyFields(item)));
            return copy;
        }
        return value;
    }

    /** A list field of the deployment, empty when absent. */
    public static JsonArray list(JsonObject json, String field) {
        Object value = json.getValue(field);
        if (value == null) {
            return new JsonArray();
        }
        if (!(value instanceof JsonArray array)) {
            throw Failure.invalid("'" + field + "' must be a list.");
        }
        return array;
    }

    static void validateSite(JsonObject site) {
        String siteId = id(site, "site");
        required(site, "name", "site " + siteId);
        try {
            ZoneId.of(site.getString("timeZone", DEFAULT_TIME_ZONE));
        } catch (DateTimeException e) {
            throw Failure.invalid("Site '" + siteId + "': unknown time zone '"
                    + site.getString("timeZone") + "'.");
        }
        try {
            OpeningCalendar.parse(object(site, "openingHours", siteId), object(site, "calendar", siteId));
        } catch (IllegalArgumentException e) {
            throw Failure.invalid("Site '" + siteId + "': " + e.getMessage());
        }
        try {
            CallingPolicy.fromJson(site.getJsonObject("callingPolicy"));
        } catch (IllegalArgumentException e) {
            throw Failure.invalid("Site '" + siteId + "': callingPolicy: " + e.getMessage());
        }
        optionalText(site, "address", MAX_ADDRESS, "site " + siteId);
        optionalText(site, "footer", MAX_FOOTER, "site " + siteId);
        translations(site, SITE_TRANSLATED, "site " + siteId);
        Object template = site.getValue("template");
        if (template != null && !(template instanceof String name && name.matches(ID_PATTERN))) {
            throw Failure.invalid("Site '" + siteId + "': 'template' must be a template's id.");
        }
        Set<String> rooms = new HashSet<>();
        list(site, "rooms").forEach(item -> {
            JsonObject room = asObject(item, "room");
            rooms.add(id(room, "room"));
            String where = "room " + room.getString("id");
            required(room, "name", where);
            optionalText(room, "building", MAX_PLACE, where);
            optionalText(room, "floor", MAX_PLACE, where);
            optionalText(room, "directions", MAX_DIRECTIONS, where);
            translations(room, ROOM_TRANSLATED, where);
        });
        Set<String> services = new HashSet<>();
        Set<String> ticketServices = new HashSet<>();
        list(site, "services").forEach(item -> services.add(id(asObject(item, "service"), "service")));
        list(site, "services").forEach(item -> {
            JsonObject service = (JsonObject) item;
            String where = "service " + service.getString("id");
            String kind = service.getString("kind", "service");
            required(service, "name", where);
            if (!KINDS.contains(kind)) {
                throw Failure.invalid(where + ": kind must be service, menu or orientation.");
            }
            String parent = service.getString("parent");
            if (parent != null && !services.contains(parent)) {
                throw Failure.invalid(where + ": parent '" + parent + "' is not a service of this site.");
            }
            if (kind.equals("service")) {
                String prefix = required(service, "prefix", where);
                if (!prefix.matches("[A-Z]{1,2}")) {
                    throw Failure.invalid(where + ": prefix must be one or two capital letters.");
                }
                if (!rooms.contains(required(service, "room", where))) {
                    throw Failure.invalid(where + ": room '" + service.getString("room")
                            + "' is not a room of this site.");
                }
                Object target = service.containsKey("targetWaitMinutes") ? service.getValue("targetWaitMinutes")
                        : DEFAULT_TARGET_WAIT_MINUTES;
                if (!(target instanceof Integer minutes) || minutes <= 0) {
                    throw Failure.invalid(where + ": targetWaitMinutes must be a positive whole number.");
                }
                ticketServices.add(service.getString("id"));
            }
            if (service.containsKey("appointments")) {
                Object appointments = service.getValue("appointments");
                if (!kind.equals("service") || !(appointments instanceof JsonObject offer)
                    || !(offer.getValue("slotMinutes") instanceof Integer slot) || slot < 5 || slot > 240
                    || !(offer.getValue("capacity", 1) instanceof Integer capacity) || capacity < 1
                    || capacity > 100) {
                    throw Failure.invalid(where + ": appointments must be {slotMinutes: 5 to 240, capacity: 1 to "
                                          + "100}, on a service.");
                }
            }
            Object callbackTarget = service.getValue("callbackTargetMinutes", DEFAULT_CALLBACK_TARGET_MINUTES);
            if (!(callbackTarget instanceof Integer callbackMinutes) || callbackMinutes < 1
                || callbackMinutes > 20_160) {
                throw Failure.invalid(where + ": callbackTargetMinutes must be a whole number of minutes from 1 to "
                                      + "20160 (two weeks).");
            }
            if (kind.equals("orientation") && service.getJsonObject("orientation") == null) {
                throw Failure.invalid(where + ": an orientation entry needs an 'orientation' block.");
            }
            outcomes(service, kind, where);
        });
        list(site, "counters").forEach(item -> {
            JsonObject counter = asObject(item, "counter");
            String where = "counter " + id(counter, "counter");
            required(counter, "name", where);
            if (!rooms.contains(required(counter, "room", where))) {
                throw Failure.invalid(where + ": room '" + counter.getString("room")
                        + "' is not a room of this site.");
            }
            list(counter, "services").forEach(service -> {
                if (!ticketServices.contains(service)) {
                    throw Failure.invalid(where + ": '" + service
                            + "' is not a ticket service of this site.");
                }
            });
        });
        Set<String> counters = new HashSet<>();
        list(site, "counters").forEach(item -> counters.add(((JsonObject) item).getString("id")));
        list(site, "devices").forEach(item -> {
            JsonObject device = asObject(item, "device");
            String where = "device " + id(device, "device");
            String kind = required(device, "kind", where);
            if (!DEVICE_KINDS.contains(kind)) {
                throw Failure.invalid(where + ": kind must be kiosk, screen or counter_screen.");
            }
            if (kind.equals("screen") && !rooms.contains(required(device, "room", where))) {
                throw Failure.invalid(where + ": a screen needs one of this site's rooms.");
            }
            if (kind.equals("counter_screen") && !counters.contains(required(device, "counter", where))) {
                throw Failure.invalid(where + ": a counter screen needs one of this site's counters.");
            }
            Object language = device.getValue("language");
            if (language != null && !Languages.VISITOR.contains(language)) {
                throw Failure.invalid(where + ": language must be one of " + String.join(", ", Languages.VISITOR)
                        + ".");
            }
        });
    }

    /**
     * {@code outcomes}: for a ticket service, at most {@value #MAX_OUTCOMES} choices agents pick from when they finish,
     * each {@code {id, name, translations: {en: …}}} (agents read French and English).
     */
    private static void outcomes(JsonObject service, String kind, String where) {
        JsonArray outcomes = list(service, "outcomes");
        if (outcomes.isEmpty()) {
            return;
        }
        if (!kind.equals("service")) {
            throw Failure.invalid(where + ": only a ticket service has outcomes.");
        }
        if (outcomes.size() > MAX_OUTCOMES) {
            throw Failure.invalid(where + ": at most " + MAX_OUTCOMES + " outcomes.");
        }
        Set<String> ids = new HashSet<>();
        for (Object item : outcomes) {
            JsonObject outcome = asObject(item, "outcome");
            String id = id(outcome, "outcome of " + where);
            if (!ids.add(id)) {
                throw Failure.invalid(where + ": outcome '" + id + "' is declared twice.");
            }
            String name = required(outcome, "name", where + ", outcome " + id);
            if (name.length() > MAX_OUTCOME_NAME) {
                throw Failure.invalid(where + ", outcome " + id + ": the name has at most " + MAX_OUTCOME_NAME
                        + " characters.");
            }
            Object translations = outcome.getValue("translations");
            if (translations != null) {
                if (!(translations instanceof JsonObject names)) {
                    throw Failure.invalid(where + ", outcome " + id + ": 'translations' must map en to a name.");
                }
                for (String language : names.fieldNames()) {
                    if (!Languages.AGENT.contains(language) || language.equals(Languages.DEFAULT)
                            || !(names.getValue(language) instanceof String text) || text.isBlank()
                            || text.length() > MAX_OUTCOME_NAME) {
                        throw Failure.invalid(where + ", outcome " + id + ": 'translations' must map en to a name of"
                                + " at most " + MAX_OUTCOME_NAME + " characters.");
                    }
                }
            }
        }
    }

    private static String id(JsonObject json, String what) {
        return requireId(json.getValue("id") instanceof String text ? text : null, what);
    }

    /** An id of lower-case letters, digits, - or _ (at most 64), as every id of a deployment. */
    public static String requireId(String id, String what) {
        if (id == null || !id.matches(ID_PATTERN)) {
            throw Failure.invalid("Every " + what + " needs an id of lower-case letters, digits, - or _"
                    + (id == null ? "." : " (got '" + id + "')."));
        }
        return id;
    }

    private static void optionalText(JsonObject json, String field, int maxLength, String where) {
        Object value = json.getValue(field);
        if (value != null && (!(value instanceof String text) || text.length() > maxLength)) {
            throw Failure.invalid(where + ": '" + field + "' must be text of at most " + maxLength + " characters.");
        }
    }

    /**
     * {@code translations}: the visitors' languages, each to an object of the fields given ({@code {"en": {"name": …,
     * "directions": …}}} for a room, {@code {"en": {"footer": …}}} for a site).
     */
    private static void translations(JsonObject entity, Map<String, Integer> fields, String where) {
        Object value = entity.getValue("translations");
        if (value == null) {
            return;
        }
        String shape = "{" + String.join(", ", fields.keySet().stream().sorted().toList()) + "}";
        if (!(value instanceof JsonObject translations)) {
            throw Failure.invalid(where + ": 'translations' must map languages to " + shape + ".");
        }
        for (String language : translations.fieldNames()) {
            if (!Languages.VISITOR.contains(language)
                    || !(translations.getValue(language) instanceof JsonObject translated)) {
                throw Failure.invalid(where + ": translations must map a language among "
                        + String.join(", ", Languages.VISITOR) + " to " + shape + ".");
            }
            for (String field : translated.fieldNames()) {
                if (!fields.containsKey(field)) {
                    throw Failure.invalid(where + ": a translation holds " + shape + " only, not '" + field + "'.");
                }
            }
            fields.forEach((field, maxLength) -> optionalText(translated, field, maxLength,
                    where + " (" + language + ")"));
        }
    }

    private static String required(JsonObject json, String field, String where) {
        Object value = json.getValue(field);
        if (!(value instanceof String text) || text.isBlank()) {
            throw Failure.invalid(where + ": '" + field + "' is required.");
        }
        return text;
    }

    /** An optional map field of a site, empty when absent. */
    private static JsonObject object(JsonObject site, String field, String siteId) {
        Object value = site.getValue(field);
        if (value == null) {
            return new JsonObject();
        }
        if (!(value instanceof JsonObject json)) {
            throw Failure.invalid("Site '" + siteId + "': '" + field + "' must be a map.");
        }
        return json;
    }

    private static JsonObject asObject(Object value, String what) {
        if (!(value instanceof JsonObject json)) {
            throw Failure.invalid("Each " + what + " must be an object.");
        }
        return json;
    }
}
