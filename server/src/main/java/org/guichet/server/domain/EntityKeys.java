package org.guichet.server.domain;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rooms, services, counters and devices are declared by a code unique within their site ({@code info}), so that 200
 * sites made from one model share their codes. Each also has a key unique in the whole network, by which tickets,
 * statistics, the API and the event bus know it, and which it keeps for ever. A new entity's key is its code when no
 * other entity of its kind has that key yet (so a single site's keys read like its codes), else
 * {@code site:code}, which no code can take since a code has no colon.
 */
public final class EntityKeys {

    public enum Kind {
        ROOM("rooms"), SERVICE("services"), COUNTER("counters"), DEVICE("devices");

        private final String part;

        Kind(String part) {
            this.part = part;
        }

        /** The list of a site that declares this kind. */
        public String part() {
            return part;
        }
    }

    /** An entity as a deployment declares it: its kind, its site and its code there. */
    public record Ref(Kind kind, String siteId, String code) {
    }

    private EntityKeys() {
    }

    public static String scoped(String siteId, String code) {
        return siteId + ":" + code;
    }

    /** Every room, service, counter and device a deployment declares, site by site. */
    public static List<Ref> declared(JsonObject deployment) {
        List<Ref> refs = new ArrayList<>();
        for (Object item : DeploymentRules.list(deployment, "sites")) {
            JsonObject site = (JsonObject) item;
            for (Kind kind : Kind.values()) {
                DeploymentRules.list(site, kind.part()).forEach(entity -> refs.add(
                        new Ref(kind, site.getString("id"), ((JsonObject) entity).getString("id"))));
            }
        }
        return refs;
    }

    /**
     * The key of each declared entity.
     *
     * @param existing the keys of those that exist already, by site and code
     * @param taken    per kind, keys already given to entities of any site (at least those equal to a declared code)
     */
    public static Map<Ref, String> assign(List<Ref> declared, Map<Ref, String> existing, Map<Kind, Set<String>> taken) {
        Map<Ref, String> keys = new HashMap<>();
        Map<Kind, Set<String>> used = new HashMap<>();
        for (Kind kind : Kind.values()) {
            used.put(kind, new HashSet<>(taken.getOrDefault(kind, Set.of())));
        }
        declared.stream().filter(existing::containsKey).forEach(ref -> keys.put(ref, existing.get(ref)));
        for (Ref ref : declared) {
            if (!keys.containsKey(ref)) {
                String key = used.get(ref.kind()).contains(ref.code()) ? scoped(ref.siteId(), ref.code()) : ref.code();
                used.get(ref.kind()).add(key);
                keys.put(ref, key);
            }
        }
        return keys;
    }

    /**
     * The deployment with every entity's code, and every reference to one within its site, replaced by its key: what
     * the store writes.
     */
    public static JsonObject keyed(JsonObject deployment, Map<Ref, String> keys) {
        JsonObject copy = deployment.copy();
        for (Object item : DeploymentRules.list(copy, "sites")) {
            JsonObject site = (JsonObject) item;
            String siteId = site.getString("id");
            KeyOf key = (kind, code) -> code == null ? null : keys.get(new Ref(kind, siteId, code));
            for (Kind kind : Kind.values()) {
                DeploymentRules.list(site, kind.part()).forEach(entity -> {
                    JsonObject json = (JsonObject) entity;
                    json.put("code", json.getString("id")).put("id", key.of(kind, json.getString("id")));
                });
            }
            DeploymentRules.list(site, "services").forEach(entity -> {
                replace((JsonObject) entity, key, "parent", Kind.SERVICE);
                replace((JsonObject) entity, key, "room", Kind.ROOM);
            });
            DeploymentRules.list(site, "counters").forEach(entity -> {
                JsonObject counter = (JsonObject) entity;
                replace(counter, key, "room", Kind.ROOM);
                JsonArray services = new JsonArray();
                DeploymentRules.list(counter, "services")
                        .forEach(code -> services.add(key.of(Kind.SERVICE, (String) code)));
                counter.put("services", services);
            });
            DeploymentRules.list(site, "devices").forEach(entity -> {
                replace((JsonObject) entity, key, "room", Kind.ROOM);
                replace((JsonObject) entity, key, "counter", Kind.COUNTER);
            });
        }
        return copy;
    }

    private interface KeyOf {
        String of(Kind kind, String code);
    }

    /** A reference the entity makes, if it makes it, to the key of the code it names. */
    private static void replace(JsonObject entity, KeyOf key, String field, Kind kind) {
        if (entity.getString(field) != null) {
            entity.put(field, key.of(kind, entity.getString(field)));
        }
    }
}
