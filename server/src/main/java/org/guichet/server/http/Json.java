package org.guichet.server.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.Languages;

/** Reading request bodies with plain errors for the visitor-facing 400s. */
public final class Json {

    private Json() {
    }

    public static JsonObject body(RoutingContext ctx) {
        var body = ctx.body();
        if (body == null || body.buffer() == null || body.buffer().length() == 0) {
            return new JsonObject();
        }
        Object value = body.buffer().toJsonValue();
        if (!(value instanceof JsonObject json)) {
            throw Failure.invalid("The request body must be a JSON object.");
        }
        String problem = InputText.problem("", json);
        if (problem != null) {
            throw Failure.invalid(problem);
        }
        return json;
    }

    public static String requiredString(JsonObject json, String field) {
        String value = optionalString(json, field);
        if (value == null || value.isBlank()) {
            throw Failure.invalid("Field '" + field + "' is required.");
        }
        return value;
    }

    public static String optionalString(JsonObject json, String field) {
        Object value = json.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw Failure.invalid("Field '" + field + "' must be a string.");
        }
        return text;
    }

    public static String optionalString(JsonObject json, String field, int maxLength) {
        String value = optionalString(json, field);
        if (value != null && value.length() > maxLength) {
            throw Failure.invalid("Field '" + field + "' is longer than " + maxLength + " characters.");
        }
        return value;
    }

    public static Integer optionalInt(JsonObject json, String field) {
        Object value = json.getValue(field);
        if (value == null) {
            return null;
        }
        // Only a JSON integer within int's range: 1.5, "3" or 1e300 are refused, and 4294967306 is not taken as 10.
        if (!(value instanceof Integer number)) {
            throw Failure.invalid("Field '" + field + "' must be a whole number from " + Integer.MIN_VALUE + " to "
                    + Integer.MAX_VALUE + ".");
        }
        return number;
    }

    public static int requiredInt(JsonObject json, String field) {
        Integer value = optionalInt(json, field);
        if (value == null) {
            throw Failure.invalid("Field '" + field + "' is required.");
        }
        return value;
    }

    public static JsonObject requiredObject(JsonObject json, String field) {
        Object value = json.getValue(field);
        if (!(value instanceof JsonObject object)) {
            throw Failure.invalid("Field '" + field + "' must be an object.");
        }
        return object;
    }

    public static JsonArray optionalArray(JsonObject json, String field) {
        Object value = json.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonArray array)) {
            throw Failure.invalid("Field '" + field + "' must be an array.");
        }
        return array;
    }

    public static String language(JsonObject json) {
        String language = optionalString(json, "language");
        if (language == null) {
            return Languages.DEFAULT;
        }
        return Languages.visitor(language).orElseThrow(() -> Failure.invalid("language must be one of "
                + String.join(", ", Languages.VISITOR) + "."));
    }

    public static long pathLong(RoutingContext ctx, String name) {
        String raw = ctx.pathParam(name);
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw Failure.notFound("No " + name.replace("Id", "") + " with id '" + raw + "'.");
        }
    }
}
