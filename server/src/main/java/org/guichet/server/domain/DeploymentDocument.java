package org.guichet.server.domain;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * A deployment as it is stored: every default the store fills in written out, absent values left out. A deployment
 * read back from the database already has this shape, so normalising what a client sends tells what applying it
 * would store, field by field ({@link DeploymentDiff}). Expects a deployment {@link DeploymentRules} accepted.
 */
public final class DeploymentDocument {

    /** The parts of a site that are lists of entities; the site's own fields are the others. */
    public static final List<String> SITE_PARTS = List.of("rooms", "services", "counters", "devices");

    private DeploymentDocument() {
    }

    public static JsonObject normalize(JsonObject deployment) {
        JsonArray sites = new JsonArray();
        DeploymentRules.list(deployment, "sites").forEach(site -> sites.add(site((JsonObject) site)));
        return new JsonObject().put("sites", sites);
    }

    private static JsonObject site(JsonObject site) {
        JsonObject normalized = new JsonObject()
                .put("id", site.getString("id"))
                .put("name", site.getString("name"))
                .put("timeZone", site.getString("timeZone", DeploymentRules.DEFAULT_TIME_ZONE))
                .put("openingHours", copy(site.getJsonObject("openingHours", new JsonObject())))
                .put("calendar", copy(site.getJsonObject("calendar", new JsonObject())))
                .put("callingPolicy", CallingPolicy.fromJson(site.getJsonObject("callingPolicy")).toJson());
        putIfPresent(normalized, "footer", site.getString("footer"));
        JsonObject translations = site.getJsonObject("translations", new JsonObject());
        if (!translations.isEmpty()) {
            normalized.put("translations", copy(translations));
        }
        putIfPresent(normalized, "address", site.getString("address"));
        putIfPresent(normalized, "template", site.getString("template"));
        normalized.put("active", site.getBoolean("active", true));
        JsonArray rooms = new JsonArray();
        DeploymentRules.list(site, "rooms").forEach(item -> {
            JsonObject room = (JsonObject) item;
            JsonObject normalizedRoom = new JsonObject().put("id", room.getString("id"))
                    .put("name", room.getString("name"));
            putIfPresent(normalizedRoom, "building", room.getString("building"));
            putIfPresent(normalizedRoom, "floor", room.getString("floor"));
            putIfPresent(normalizedRoom, "directions", room.getString("directions"));
            rooms.add(normalizedRoom.put("translations",
                    copy(room.getJsonObject("translations", new JsonObject()))));
        });
        JsonArray services = new JsonArray();
        int position = 0;
        for (Object item : DeploymentRules.list(site, "services")) {
            position++;
            services.add(service((JsonObject) item, position));
        }
        JsonArray counters = new JsonArray();
        DeploymentRules.list(site, "counters").forEach(item -> {
            JsonObject counter = (JsonObject) item;
            counters.add(new JsonObject().put("id", counter.getString("id")).put("name", counter.getString("name"))
                    .put("room", counter.getString("room"))
                    .put("services", DeploymentRules.list(counter, "services").copy())
                    .put("active", counter.getBoolean("active", true)));
        });
        JsonArray devices = new JsonArray();
        DeploymentRules.list(site, "devices").forEach(item -> {
            JsonObject device = (JsonObject) item;
            JsonObject normalizedDevice = new JsonObject().put("id", device.getString("id"))
                    .put("kind", device.getString("kind"))
                    .put("name", device.getString("name", device.getString("id")));
            putIfPresent(normalizedDevice, "room", device.getString("room"));
            putIfPresent(normalizedDevice, "counter", device.getString("counter"));
            devices.add(normalizedDevice.put("language", device.getString("language", Languages.DEFAULT)));
        });
        return normalized.put("rooms", rooms).put("services", services).put("counters", counters)
                .put("devices", devices);
    }

    /** A service's order defaults to its position among the site's services, counted from 1. */
    private static JsonObject service(JsonObject service, int position) {
        JsonObject normalized = new JsonObject().put("id", service.getString("id"))
                .put("kind", service.getString("kind", "service"))
                .put("name", service.getString("name"));
        putIfPresent(normalized, "parent", service.getString("parent"));
        putIfPresent(normalized, "prefix", service.getString("prefix"));
        putIfPresent(normalized, "room", service.getString("room"));
        normalized.put("targetWaitMinutes",
                        service.getInteger("targetWaitMinutes", DeploymentRules.DEFAULT_TARGET_WAIT_MINUTES))
                .put("order", service.getInteger("order", position))
                .put("translations", copy(service.getJsonObject("translations", new JsonObject())));
        JsonObject appointments = service.getJsonObject("appointments");
        if (appointments != null) {
            normalized.put("appointments", new JsonObject().put("slotMinutes", appointments.getValue("slotMinutes"))
                    .put("capacity", appointments.getValue("capacity", 1)));
        }
        if (service.getValue("callbackTargetMinutes") != null
            && !service.getValue("callbackTargetMinutes").equals(DeploymentRules.DEFAULT_CALLBACK_TARGET_MINUTES)) {
            normalized.put("callbackTargetMinutes", service.getValue("callbackTargetMinutes"));
        }
        JsonObject orientation = service.getJsonObject("orientation");
        putIfPresent(normalized, "orientation", orientation == null ? null : orientation.copy());
        JsonArray outcomes = DeploymentRules.list(service, "outcomes");
        if (!outcomes.isEmpty()) {
            JsonArray normalizedOutcomes = new JsonArray();
            Catalog.Outcome.fromJson(outcomes).forEach(outcome -> normalizedOutcomes.add(outcome.toJson()));
            normalized.put("outcomes", normalizedOutcomes);
        }
        return normalized.put("active", service.getBoolean("active", true));
    }

    /** The site's own fields, without its lists of entities. */
    public static JsonObject siteFields(JsonObject site) {
        JsonObject fields = site.copy();
        SITE_PARTS.forEach(fields::remove);
        // The revision is the stored copy's count of changes, not something an apply sets.
        fields.remove("revision");
        return fields;
    }

    private static JsonObject copy(JsonObject json) {
        return json.copy();
    }

    private static void putIfPresent(JsonObject json, String field, Object value) {
        if (value != null) {
            json.put(field, value);
        }
    }

    /**
     * A site block with one room, service, counter or device set to the given fields, by its code: replaced where it
     * was, or added at the end.
     */
    public static JsonObject withEntity(JsonObject site, String part, String code, JsonObject fields) {
        if (!SITE_PARTS.contains(part)) {
            throw Failure.notFound("A site has no '" + part + "'.");
        }
        JsonObject copy = site.copy();
        JsonObject entity = fields.copy().put("id", code);
        JsonArray entities = DeploymentRules.list(copy, part);
        JsonArray updated = new JsonArray();
        boolean replaced = false;
        for (Object item : entities) {
            if (code.equals(((JsonObject) item).getString("id"))) {
                updated.add(entity);
                replaced = true;
            } else {
                updated.add(item);
            }
        }
        if (!replaced) {
            updated.add(entity);
        }
        return copy.put(part, updated);
    }
}
