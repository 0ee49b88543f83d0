package org.guichet.server.domain;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;

/**
 * A model of a site: everything a site of the deployment declares (rooms, services and menu, counters, devices,
 * opening hours and calendar, calling policy, footer) except what is each site's own: its id, name, address, time
 * zone and the template it was made from. A site is made from a template with its own fields, and made again from
 * it when the template changes (entities it has beyond the template are kept: applying never deletes).
 */
public final class SiteTemplate {

    /** A template as stored: its version counts its changes, and the sites made from it. */
    public record Saved(String id, String name, JsonObject body, int version, Instant updatedAt,
                        List<String> siteIds) {
    }

    /** What each site made from a template keeps as its own. */
    public static final List<String> OWN_FIELDS = List.of("id", "name", "address", "timeZone", "template", "active",
            "revision");

    private SiteTemplate() {
    }

    /** The body of a template made from a site block of the deployment. */
    public static JsonObject bodyOf(JsonObject site) {
        JsonObject body = site.copy();
        OWN_FIELDS.forEach(body::remove);
        return body;
    }

    /**
     * The site block made from a template's body and a site's own fields (id and name required; address and time
     * zone optional).
     */
    public static JsonObject site(String templateId, JsonObject body, JsonObject own) {
        JsonObject site = body.copy();
        OWN_FIELDS.forEach(site::remove);
        for (String field : OWN_FIELDS) {
            if (own.getValue(field) != null) {
                site.put(field, own.getValue(field));
            }
        }
        return site.put("template", templateId);
    }

    /** Refuses a body no site could be made from, saying why as the deployment's validation does. */
    public static void validate(String templateId, JsonObject body) {
        JsonObject probe = site(templateId, body, new JsonObject().put("id", "template-check").put("name", "-"));
        DeploymentRules.validate(new JsonObject().put("sites", new JsonArray().add(probe)));
    }
}
