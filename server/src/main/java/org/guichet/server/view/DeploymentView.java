package org.guichet.server.view;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.DeploymentDiff;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The deployment read back (JSON, or YAML in the configuration file's shape) and what applying one changes. */
public final class DeploymentView {

    private DeploymentView() {
    }

    /** The deployment as the "deployment" block of the configuration file. */
    public static String yaml(JsonObject deployment) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(120);
        return new Yaml(options).dump(plain(deployment));
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

    /** Plain maps and lists, which is what the YAML dumper knows, in the JSON's order. */
    private static Object plain(Object value) {
        if (value instanceof JsonObject json) {
            Map<String, Object> map = new LinkedHashMap<>();
            json.forEach(field -> map.put(field.getKey(), plain(field.getValue())));
            return map;
        }
        if (value instanceof JsonArray array) {
            List<Object> list = new ArrayList<>(array.size());
            array.forEach(item -> list.add(plain(item)));
            return list;
        }
        return value;
    }
}
