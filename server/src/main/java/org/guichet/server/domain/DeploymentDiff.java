package org.guichet.server.domain;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What applying one deployment over another changes, per site of the second: each site, room, service, counter and
 * device added, or changed (with the names of its changed fields and its values before and after), and how many are
 * unchanged. Both sides are {@link DeploymentDocument#normalize normalised} deployments. An entity only the first one
 * has is not counted: applying a deployment never deletes what it leaves out. A missing field and a null one are the
 * same; numbers are compared by value (1 and 1.0 are equal).
 */
public final class DeploymentDiff {

    /** An entity added (before is null) or changed. */
    public record Change(String kind, String id, String siteId, List<String> fields, JsonObject before,
                         JsonObject after) {

        public boolean added() {
            return before == null;
        }
    }

    public record SiteChanges(String siteId, List<Change> added, List<Change> changed, int unchanged) {

        public boolean isEmpty() {
            return added.isEmpty() && changed.isEmpty();
        }
    }

    private static final Map<String, String> KIND_OF_PART = Map.of("rooms", "room", "services", "service",
            "counters", "counter", "devices", "device");

    private DeploymentDiff() {
    }

    public static List<SiteChanges> between(JsonObject before, JsonObject after) {
        Map<String, JsonObject> sitesBefore = byId(DeploymentRules.list(before, "sites"));
        List<SiteChanges> result = new ArrayList<>();
        for (Object item : DeploymentRules.list(after, "sites")) {
            JsonObject site = (JsonObject) item;
            result.add(site(site, sitesBefore.get(site.getString("id"))));
        }
        return result;
    }

    /** Every change of every site, sites in order, additions of a site before its changes. */
    public static List<Change> changes(List<SiteChanges> sites) {
        List<Change> all = new ArrayList<>();
        sites.forEach(site -> {
            all.addAll(site.added());
            all.addAll(site.changed());
        });
        return all;
    }

    private static SiteChanges site(JsonObject after, JsonObject before) {
        String siteId = after.getString("id");
        List<Change> added = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        int[] unchanged = {0};
        compare("site", siteId, siteId, before == null ? null : DeploymentDocument.siteFields(before),
                DeploymentDocument.siteFields(after), added, changed, unchanged);
        for (String part : DeploymentDocument.SITE_PARTS) {
            Map<String, JsonObject> entitiesBefore = before == null ? Map.of()
                    : byId(DeploymentRules.list(before, part));
            for (Object item : DeploymentRules.list(after, part)) {
                JsonObject entity = (JsonObject) item;
                String id = entity.getString("id");
                compare(KIND_OF_PART.get(part), id, siteId, entitiesBefore.get(id), entity, added, changed,
                        unchanged);
            }
        }
        return new SiteChanges(siteId, List.copyOf(added), List.copyOf(changed), unchanged[0]);
    }

    private static void compare(String kind, String id, String siteId, JsonObject before, JsonObject after,
                                List<Change> added, List<Change> changed, int[] unchanged) {
        if (before == null) {
            added.add(new Change(kind, id, siteId, List.copyOf(nonNullFields(after)), null, after.copy()));
            return;
        }
        Set<String> names = new LinkedHashSet<>(after.fieldNames());
        names.addAll(before.fieldNames());
        List<String> fields = names.stream().filter(name -> !same(before.getValue(name), after.getValue(name)))
                .toList();
        if (fields.isEmpty()) {
            unchanged[0]++;
        } else {
            changed.add(new Change(kind, id, siteId, fields, before.copy(), after.copy()));
        }
    }

    /** Equality of JSON values where a missing field equals null and numbers compare by value. */
    public static boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        if (a instanceof JsonObject x && b instanceof JsonObject y) {
            Set<String> names = new LinkedHashSet<>(x.fieldNames());
            names.addAll(y.fieldNames());
            return names.stream().allMatch(name -> same(x.getValue(name), y.getValue(name)));
        }
        if (a instanceof JsonArray x && b instanceof JsonArray y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.getValue(i), y.getValue(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static List<String> nonNullFields(JsonObject json) {
        return json.fieldNames().stream().filter(name -> json.getValue(name) != null).toList();
    }

    private static Map<String, JsonObject> byId(JsonArray entities) {
        Map<String, JsonObject> byId = new LinkedHashMap<>();
        entities.forEach(item -> {
            JsonObject entity = (JsonObject) item;
            byId.put(entity.getString("id"), entity);
        });
        return byId;
    }
}
