package org.guichet.server.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;

/**
 * What no request may carry, whatever its schema says: a NUL character (PostgreSQL text cannot hold one), a lone
 * surrogate (not Unicode; the database driver would store "?"), a string over {@link #MAX_STRING} characters, or a
 * document nested deeper than {@link #MAX_DEPTH} levels. openapi.json states the same rules in its description.
 */
public final class InputText {

    static final int MAX_STRING = 10_000;
    static final int MAX_DEPTH = 32;

    private InputText() {
    }

    /** Why {@code value} (a decoded JSON value, or a parameter) may not be taken; null when it may. */
    public static String problem(String where, Object value) {
        return problem(where, value, 0);
    }

    private static String problem(String where, Object value, int depth) {
        if (depth > MAX_DEPTH) {
            return "The request nests more than " + MAX_DEPTH + " levels deep.";
        }
        if (value instanceof String text) {
            return textProblem(where, text);
        }
        if (value instanceof JsonObject object) {
            return entriesProblem(where, object.getMap(), depth);
        }
        if (value instanceof Map<?, ?> map) {
            return entriesProblem(where, map, depth);
        }
        if (value instanceof JsonArray array) {
            return itemsProblem(where, array.getList(), depth);
        }
        if (value instanceof List<?> list) {
            return itemsProblem(where, list, depth);
        }
        return null;
    }

    private static String entriesProblem(String where, Map<?, ?> entries, int depth) {
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
            String key = String.valueOf(entry.getKey());
            String keyProblem = textProblem(where.isEmpty() ? "a field name" : "a field name in '" + where + "'", key);
            if (keyProblem != null) {
                return keyProblem;
            }
            String inner = problem(where.isEmpty() ? key : where + "." + key, entry.getValue(), depth + 1);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }

    private static String itemsProblem(String where, List<?> items, int depth) {
        for (int i = 0; i < items.size(); i++) {
            String inner = problem(where + "[" + i + "]", items.get(i), depth + 1);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }

    private static String textProblem(String where, String text) {
        String what = where.isEmpty() ? "The request body" : "'" + shortened(where) + "'";
        if (text.length() > MAX_STRING) {
            return what + " is longer than " + MAX_STRING + " characters.";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return what + " contains a NUL character.";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return what + " is not valid Unicode (a lone surrogate).";
                }
            } else if (Character.isLowSurrogate(c)) {
                return what + " is not valid Unicode (a lone surrogate).";
            }
        }
        return null;
    }

    /** A field's path as a message shows it: a field name sent by anyone is cut and stripped of what cannot print. */
    static String shortened(String where) {
        StringBuilder shown = new StringBuilder();
        where.codePoints().limit(80).forEach(c -> shown.appendCodePoint(
                Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE ? '?' : c));
        return where.length() > 80 ? shown + "…" : shown.toString();
    }
}
