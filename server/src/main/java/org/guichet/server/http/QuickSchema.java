package org.guichet.server.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.JsonSchema;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A one-sided check of a value against a JSON schema: it vouches for values it can prove valid with the simplest
 * keywords (a type, string lengths, an enum of strings, integer bounds, an object's properties and required names,
 * an array's items), and for anything else says nothing, leaving the verdict to the full validator. It never refuses.
 *
 * <p>Why: vertx-json-schema's validating method is larger than HotSpot compiles (over 8,000 bytes of bytecode), so it
 * runs interpreted on every request; profiled in a 2-node network day, it was 8 % of the servers' event-loop samples,
 * for checks like "a string of at most 200 characters". The full validator still decides every value this check does
 * not vouch for, so what is refused, and the message that says why, come from openapi.json through it as before.
 *
 * <p>A schema is vouched by this check only when it has a type, and only these keywords (annotations aside); a null
 * value, a number of another kind than Integer or Long (for integer), a type given as a list, a pattern, a format, a
 * reference left unresolved or a combination (allOf, oneOf…) always go to the full validator.
 */
final class QuickSchema {

    /** Keywords that describe without constraining (OpenAPI 3.0's nullable only matters for null, never vouched). */
    private static final Set<String> ANNOTATIONS = Set.of("description", "example", "title", "default", "nullable",
            "$comment");

    private final Predicate<Object> vouches;

    private QuickSchema(Predicate<Object> vouches) {
        this.vouches = vouches;
    }

    /** True only when the value is surely valid against the schema; false says nothing either way. */
    boolean vouchesFor(Object value) {
        return vouches.test(value);
    }

    static QuickSchema of(JsonSchema schema) {
        Map<String, Object> keywords = new LinkedHashMap<>();
        for (String name : schema.fieldNames()) {
            keywords.put(name, schema.get(name));
        }
        return new QuickSchema(compile(keywords));
    }

    static QuickSchema of(JsonObject schema) {
        return new QuickSchema(compile(schema.getMap()));
    }

    private static Predicate<Object> compile(Map<String, ?> schema) {
        try {
            return compileOrRefuse(schema);
        } catch (Unreadable keyword) {
            return value -> false;
        }
    }

    /** A keyword this check does not read, or reads with a value it cannot use: the schema is left to the validator. */
    private static final class Unreadable extends RuntimeException {
        Unreadable() {
            super(null, null, false, false);
        }
    }

    private static Predicate<Object> compileOrRefuse(Map<String, ?> schema) {
        Map<String, Object> constraints = new HashMap<>();
        for (Map.Entry<String, ?> keyword : schema.entrySet()) {
            String name = keyword.getKey();
            // EXCLUDE_ANNOTATIONS: false for the marks vertx-json-schema leaves where it resolved a reference.
            if (JsonSchema.EXCLUDE_ANNOTATIONS.test(name) && !ANNOTATIONS.contains(name) && !name.startsWith("x-")) {
                constraints.put(name, keyword.getValue());
            }
        }
        if (!(constraints.remove("type") instanceof String kind)) {
            throw new Unreadable();
        }
        Predicate<Object> check = switch (kind) {
            case "string" -> string(constraints);
            case "integer" -> integer(constraints);
            case "boolean" -> value -> value instanceof Boolean;
            case "object" -> object(constraints);
            case "array" -> array(constraints);
            default -> throw new Unreadable();
        };
        if (!constraints.isEmpty()) {
            throw new Unreadable();
        }
        return check;
    }

    private static Predicate<Object> string(Map<String, Object> constraints) {
        int least = count(constraints.remove("minLength"), 0);
        int most = count(constraints.remove("maxLength"), Integer.MAX_VALUE);
        Object listed = constraints.remove("enum");
        Set<String> allowed = listed == null ? null : strings(listed);
        // Whether the validator counts code points or UTF-16 units, a string of at most `most` units and at least
        // `least` code points is within both bounds; one outside them here may not be there, and is left to it.
        return value -> value instanceof String text && text.length() <= most
                        && text.codePointCount(0, text.length()) >= least
                        && (allowed == null || allowed.contains(text));
    }

    private static Predicate<Object> integer(Map<String, Object> constraints) {
        long least = whole(constraints.remove("minimum"), Long.MIN_VALUE);
        long most = whole(constraints.remove("maximum"), Long.MAX_VALUE);
        return value -> (value instanceof Integer || value instanceof Long)
                        && ((Number) value).longValue() >= least && ((Number) value).longValue() <= most;
    }

    private static Predicate<Object> object(Map<String, Object> constraints) {
        Object properties = constraints.remove("properties");
        Object additional = constraints.remove("additionalProperties");
        Object required = constraints.remove("required");
        Set<String> names = required == null ? Set.of() : strings(required);
        Map<String, Predicate<Object>> known = new HashMap<>();
        asMap(properties).forEach((name, schema) -> known.put(name, subschema(schema)));
        Predicate<Object> others = additional == null || Boolean.TRUE.equals(additional) ? value -> true
                : Boolean.FALSE.equals(additional) ? value -> false : subschema(additional);
        return value -> {
            if (!(value instanceof JsonObject fields)) {
                return false;
            }
            for (String name : names) {
                if (!fields.containsKey(name)) {
                    return false;
                }
            }
            for (String name : fields.fieldNames()) {
                if (!known.getOrDefault(name, others).test(fields.getValue(name))) {
                    return false;
                }
            }
            return true;
        };
    }

    private static Predicate<Object> array(Map<String, Object> constraints) {
        int least = count(constraints.remove("minItems"), 0);
        int most = count(constraints.remove("maxItems"), Integer.MAX_VALUE);
        Object items = constraints.remove("items");
        Predicate<Object> each = items == null ? value -> true : subschema(items);
        return value -> {
            if (!(value instanceof JsonArray list) || list.size() < least || list.size() > most) {
                return false;
            }
            for (int i = 0; i < list.size(); i++) {
                if (!each.test(list.getValue(i))) {
                    return false;
                }
            }
            return true;
        };
    }

    /** A property's or an item's schema: one this check cannot read vouches for nothing, its parent still may. */
    private static Predicate<Object> subschema(Object schema) {
        return compile(asMap(schema));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object schema) {
        if (schema == null) {
            return Map.of();
        }
        if (schema instanceof JsonObject json) {
            return json.getMap();
        }
        if (schema instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new Unreadable();
    }

    private static int count(Object keyword, int absent) {
        if (keyword == null) {
            return absent;
        }
        if (keyword instanceof Integer n && n >= 0) {
            return n;
        }
        throw new Unreadable();
    }

    private static long whole(Object keyword, long absent) {
        if (keyword == null) {
            return absent;
        }
        if (keyword instanceof Integer || keyword instanceof Long) {
            return ((Number) keyword).longValue();
        }
        throw new Unreadable();
    }

    private static Set<String> strings(Object keyword) {
        List<?> values = keyword instanceof JsonArray array ? array.getList() : keyword instanceof List<?> list ? list
                : null;
        if (values == null) {
            throw new Unreadable();
        }
        Set<String> texts = new HashSet<>();
        for (Object value : values) {
            if (!(value instanceof String text)) {
                throw new Unreadable();
            }
            texts.add(text);
        }
        return texts;
    }
}
