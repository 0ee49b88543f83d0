package org.guichet.server.domain;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Locale;

/**
 * Strips secrets from JSON before it is kept (the audit log): a field whose name speaks of a password, a token, a
 * hash or a secret is removed at any depth, and a string shaped like one of our bearer tokens is replaced, wherever
 * it is, in case a secret was put under an innocent name.
 */
public final class Redaction {

    public static final String REDACTED = "[redacted]";

    private static final List<String> SECRET_NAME_PARTS = List.of("password", "token", "hash", "secret");

    private Redaction() {
    }

    /** A redacted copy; null stays null. */
    public static JsonObject redact(JsonObject json) {
        if (json == null) {
            return null;
        }
        JsonObject redacted = new JsonObject();
        json.forEach(field -> {
            if (!isSecretName(field.getKey())) {
                redacted.put(field.getKey(), value(field.getValue()));
            }
        });
        return redacted;
    }

    public static boolean isSecretName(String field) {
        String name = field.toLowerCase(Locale.ROOT);
        return SECRET_NAME_PARTS.stream().anyMatch(name::contains);
    }

    private static Object value(Object value) {
        if (value instanceof JsonObject object) {
            return redact(object);
        }
        if (value instanceof JsonArray array) {
            JsonArray redacted = new JsonArray();
            array.forEach(item -> redacted.add(value(item)));
            return redacted;
        }
        if (value instanceof String text && (text.startsWith(Tokens.AGENT_PREFIX)
                                             || text.startsWith(Tokens.DEVICE_PREFIX))) {
            return REDACTED;
        }
        return value;
    }
}
