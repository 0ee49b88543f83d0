package org.guichet.server.service;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.Failure;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * YAML as the configuration file and the administrators write it, to and from JSON. Reading uses the safe constructor
 * (plain maps, lists and scalars only), and an unquoted date such as {@code 2026-12-24} stays text, as the calendar
 * expects, rather than becoming a timestamp.
 */
public final class YamlCodec {

    private YamlCodec() {
    }

    /** @throws Failure invalid, saying where, when the text is not YAML or not a mapping */
    public static JsonObject read(String text) {
        LoaderOptions options = new LoaderOptions();
        Object document;
        try {
            document = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()),
                    new DumperOptions(), options, new DatesAsText()).load(text);
        } catch (YAMLException e) {
            String where = e instanceof MarkedYAMLException marked && marked.getProblemMark() != null
                    ? " (line " + (marked.getProblemMark().getLine() + 1) + ")" : "";
            throw Failure.invalid("The YAML could not be read: "
                    + (e instanceof MarkedYAMLException marked ? marked.getProblem() : e.getMessage()) + where + ".");
        }
        if (document == null) {
            return new JsonObject();
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw Failure.invalid("The YAML document must be a mapping.");
        }
        return json(map);
    }

    /** Block style, two spaces, Unicode kept: what a person edits. */
    public static String write(JsonObject json) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(120);
        return new Yaml(options).dump(plain(json));
    }

    /** Keys become text whatever YAML made of them (a number, a boolean). */
    private static JsonObject json(Map<?, ?> map) {
        JsonObject json = new JsonObject();
        map.forEach((key, value) -> json.put(String.valueOf(key), value(value)));
        return json;
    }

    private static Object value(Object value) {
        if (value instanceof Map<?, ?> map) {
            return json(map);
        }
        if (value instanceof List<?> list) {
            JsonArray array = new JsonArray();
            list.forEach(item -> array.add(value(item)));
            return array;
        }
        return value;
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

    private static final class DatesAsText extends Resolver {

        @Override
        public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
            if (!Tag.TIMESTAMP.equals(tag)) {
                super.addImplicitResolver(tag, regexp, first, limit);
            }
        }
    }
}
