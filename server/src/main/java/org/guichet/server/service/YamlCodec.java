package org.guichet.server.service;

import io.vertx.core.json.Json;
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

    /**
     * Block style, two spaces, Unicode kept: what a person edits. Written here rather than by SnakeYAML's dumper, which
     * took 157–250 ms for a 250-site deployment (its per-node bookkeeping) where this takes about what JSON does. Text
     * that YAML could read as something else (a number, a date, yes/no, a time with its colon…) is double-quoted, with
     * JSON's escapes, which YAML reads the same.
     */
    public static String write(JsonObject json) {
        StringBuilder out = new StringBuilder(4096);
        mapping(out, json, 0);
        return out.toString();
    }

    private static void mapping(StringBuilder out, JsonObject json, int indent) {
        boolean first = true;
        for (Map.Entry<String, Object> field : json) {
            if (!first || indent > 0) {
                out.append(" ".repeat(indent));
            }
            first = false;
            out.append(scalar(field.getKey())).append(':');
            value(out, field.getValue(), indent);
        }
    }

    /** A value after "key:" (or after "- "), then the line's end. */
    private static void value(StringBuilder out, Object value, int indent) {
        if (value instanceof JsonObject object && !object.isEmpty()) {
            out.append('\n');
            mapping(out, object, indent + 2);
        } else if (value instanceof JsonArray array && !array.isEmpty()) {
            out.append('\n');
            sequence(out, array, indent + 2);
        } else {
            out.append(' ').append(value instanceof JsonObject ? "{}" : value instanceof JsonArray ? "[]"
                    : scalar(value)).append('\n');
        }
    }

    private static void sequence(StringBuilder out, JsonArray array, int indent) {
        for (Object item : array) {
            out.append(" ".repeat(indent)).append('-');
            if (item instanceof JsonObject object && !object.isEmpty()) {
                // The first field on the dash's line, the others under it.
                out.append(' ');
                StringBuilder fields = new StringBuilder();
                mapping(fields, object, indent + 2);
                out.append(fields, indent + 2, fields.length());
            } else {
                value(out, item, indent);
            }
        }
    }

    private static final Pattern PLAIN = Pattern.compile("[\\p{L}_][\\p{L}\\p{N} _.,'()/&+–-]*");
    private static final Pattern LOOKS_TYPED = Pattern.compile(
            "(?i)(y|n|yes|no|on|off|true|false|null|~)|[-+]?[0-9.].*|.*[ ]$");

    private static String scalar(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean || value instanceof Number) {
            return value.toString();
        }
        String text = value.toString();
        boolean plain = PLAIN.matcher(text).matches() && !LOOKS_TYPED.matcher(text).matches();
        return plain ? text : Json.encode(text);
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

    private static final class DatesAsText extends Resolver {

        @Override
        public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
            if (!Tag.TIMESTAMP.equals(tag)) {
                super.addImplicitResolver(tag, regexp, first, limit);
            }
        }
    }
}
