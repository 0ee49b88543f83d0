package org.guichet.server.view;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.DeploymentDiff;
import org.guichet.server.service.YamlCodec;

import java.util.List;

/** The deployment read back (JSON, or YAML in the configuration file's shape) and what applying one changes. */
public final class DeploymentView {

    private DeploymentView() {
    }

    /** The deployment as the "deployment" block of the configuration file. */
    public static String yaml(JsonObject deployment) {
        return YamlCodec.write(deployment);
    }

    /** Per site: each entity added, each changed with its changed fields before and after, and how many unchanged. */
    public static JsonArray changes(List<DeploymentDiff.SiteChanges> sites) {
        JsonArray list = new JsonArray();
        sites.forEach(site -> {
            JsonArray added = new JsonArray();
            site.added().forEach(change -> added.add(new JsonObject().put("kind", change.kind())
                    .put("id", change.id())));
            JsonArray changed = new JsonArray();
            site.changed().forEach(change -> {
                JsonObject before = new JsonObject();
                JsonObject after = new JsonObject();
                change.fields().forEach(field -> {
                    before.put(field, change.before().getValue(field));
                    after.put(field, change.after().getValue(field));
                });
                changed.add(new JsonObject().put("kind", change.kind()).put("id", change.id())
                        .put("fields", new JsonArray(change.fields())).put("before", before).put("after", after));
            });
            list.add(new JsonObject().put("siteId", site.siteId()).put("added", added).put("changed", changed)
                    .put("unchanged", site.unchanged()));
        });
        return list;
    }
}
