package org.guichet.server.view;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.DeploymentRules;
import org.guichet.server.domain.SiteTemplate;

import java.util.List;

/** Site templates as administrators read them: the list (with a summary), and one with its whole body. */
public final class TemplateView {

    private TemplateView() {
    }

    public static JsonArray list(List<SiteTemplate.Saved> templates) {
        JsonArray list = new JsonArray();
        templates.forEach(template -> list.add(summary(template)));
        return list;
    }

    public static JsonObject template(SiteTemplate.Saved template) {
        return summary(template).put("body", template.body());
    }

    private static JsonObject summary(SiteTemplate.Saved template) {
        JsonObject parts = new JsonObject();
        for (String part : List.of("rooms", "services", "counters", "devices")) {
            parts.put(part, DeploymentRules.list(template.body(), part).size());
        }
        return new JsonObject().put("id", template.id()).put("name", template.name())
                .put("version", template.version()).put("updatedAt", template.updatedAt().toString())
                .put("siteIds", new JsonArray(template.siteIds())).put("parts", parts);
    }
}
