package org.guichet.server.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation openapi.json documents, as every role (anonymous, kiosk, screen, agent, supervisor,
 * administrator), gets generated bad input: JSON bodies with a NUL, a lone surrogate, a huge number, a value of the
 * wrong type, 1000 levels of nesting, a 100 000-character string, an empty body where fields are required, an array
 * or null instead of an object, broken JSON; path and query values with the same. No answer may be a 5xx, none may
 * quote an exception, and no row of any table may change. The generator is seeded, so a failure replays.
 * <p>
 * Operations that take no input at all (no parameter, no body: e.g. log-out, rebuilding the statistics) have
 * nothing to fuzz and are left out; a junk body sent to them would be ignored and the operation done.
 */
class BadInputFuzzTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static final long SEED = 16;
    /** Cases each role but the administrator gets per operation, drawn from the administrator's. */
    private static final int CASES_PER_OTHER_ROLE = 3;
    private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)}");
    private static final List<String> BAD_URL_VALUES = List.of("%00", "a%00b", "%ED%A0%80", "%F0%9F", "%",
            "4294967306", "99999999999999999999999", "1e300", "-1", "1.5", "x".repeat(3000), "%C0%AF..%2F..%2F");

    private static final Map<String, String> roles = new LinkedHashMap<>();
    private static final Map<String, String> goodValues = new TreeMap<>();

    @BeforeAll
    static void setUp() {
        roles.put("anonymous", null);
        roles.put("kiosk", server.tokenOf("kiosk-1"));
        roles.put("screen", server.tokenOf("screen-1"));
        roles.put("agent", server.agentAtCounter("fuzz.agent", "s1", "c1"));
        roles.put("supervisor", server.agent("fuzz.supervisor", "supervisor", "s1"));
        roles.put("administrator", server.adminToken());
        JsonObject ticket = server.issue(server.tokenOf("kiosk-1"), "svc-a");
        goodValues.put("siteId", "s1");
        goodValues.put("roomId", "r1");
        goodValues.put("counterId", "c1");
        goodValues.put("ticketId", String.valueOf(ticket.getLong("id")));
        goodValues.put("statusToken", ticket.getString("statusToken"));
        goodValues.put("agentId", String.valueOf(TestServer.ok(server.get("/api/v1/auth/me", roles.get("agent")))
                .getLong("id")));
        goodValues.put("deviceId", "kiosk-1");
        goodValues.put("templateId", "fuzz-template");
        goodValues.put("part", "rooms");
        goodValues.put("code", "r1");
    }

    private record Request(String role, HttpMethod method, String path, String body, String what) {
    }

    @Test
    void no_bad_input_gets_a_5xx_or_changes_anything() throws IOException {
        JsonObject document = document();
        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        Random random = new Random(SEED);
        List<Request> requests = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        document.getJsonObject("paths").forEach(path -> {
            JsonObject operations = (JsonObject) path.getValue();
            if (operations.containsKey("servers")) {
                return; // outside /api/v1 (health, metrics): no input
            }
            operations.forEach(entry -> {
                if (!(entry.getValue() instanceof JsonObject operation) || !operation.containsKey("responses")) {
                    return;
                }
                HttpMethod method = HttpMethod.valueOf(entry.getKey().toUpperCase(Locale.ROOT));
                List<Request> cases = cases(method, path.getKey(), operation, schemas, random);
                if (cases.isEmpty()) {
                    skipped.add(method + " " + path.getKey());
                    return;
                }
                roles.keySet().forEach(role -> {
                    List<Request> drawn = new ArrayList<>(cases);
                    if (!role.equals("administrator")) {
                        java.util.Collections.shuffle(drawn, random);
                        drawn = drawn.subList(0, Math.min(CASES_PER_OTHER_ROLE, drawn.size()));
                    }
                    drawn.forEach(request -> requests.add(new Request(role, request.method(), request.path(),
                            request.body(), request.what())));
                });
            });
        });
        // A guard against a generator that finds no input where there is some: only these operations take none.
        assertThat(skipped).as("operations without input").containsExactlyInAnyOrder("POST /auth/logout",
                "GET /auth/me", "GET /openapi.json", "GET /rules", "GET /training", "GET /admin/agents",
                "POST /stats/rollups/rebuild", "GET /admin/templates", "GET /admin/directory",
                "GET /public/accessibility", "GET /public/privacy", "GET /nodes", "GET /auth/sso",
                "GET /stats/sms-reminders");

        Map<String, String> before = digest();
        List<String> failures = new ArrayList<>();
        for (Request request : requests) {
            HttpResponse<Buffer> response = send(request);
            String answer = response.bodyAsString() == null ? "" : response.bodyAsString();
            if (response.statusCode() >= 500) {
                failures.add(request.role() + " " + request.method() + " " + request.path() + " (" + request.what()
                        + "): " + response.statusCode() + " " + answer.substring(0, Math.min(200, answer.length())));
            } else if (answer.contains("java.") || answer.contains("Exception")) {
                failures.add(request.role() + " " + request.method() + " " + request.path() + " (" + request.what()
                        + "): quotes an exception: " + answer.substring(0, Math.min(200, answer.length())));
            }
        }
        Map<String, String> after = digest();

        assertThat(requests).as("requests sent").hasSizeGreaterThan(1000);
        assertThat(failures).as("answers to bad input").isEmpty();
        assertThat(after).as("every table's rows (count, md5)").isEqualTo(before);
    }

    private static HttpResponse<Buffer> send(Request request) {
        String token = roles.get(request.role());
        if (request.body() == null) {
            return server.send(request.method(), request.path(), token, Map.of(), null);
        }
        return server.send(request.method(), request.path(), token, Map.of("Content-Type", "application/json"),
                Buffer.buffer(request.body().getBytes(StandardCharsets.UTF_8)));
    }

    /** The bad requests for one operation: some on its path and query parameters, the others on its body. */
    private static List<Request> cases(HttpMethod method, String template, JsonObject operation, JsonObject schemas,
                                       Random random) {
        List<Request> cases = new ArrayList<>();
        JsonArray parameters = operation.getJsonArray("parameters", new JsonArray());
        String goodPath = "/api/v1" + fill(template, null, null);
        for (Object item : parameters) {
            JsonObject parameter = (JsonObject) item;
            String name = parameter.getString("name");
            for (int i = 0; i < 2; i++) {
                String bad = BAD_URL_VALUES.get(random.nextInt(BAD_URL_VALUES.size()));
                switch (parameter.getString("in")) {
                    case "path" -> cases.add(new Request(null, method, "/api/v1" + fill(template, name, bad), null,
                            "path " + name + "=" + abbreviated(bad)));
                    case "query" -> cases.add(new Request(null, method, goodPath + "?" + name + "=" + bad, null,
                            "query " + name + "=" + abbreviated(bad)));
                    default -> {
                        // headers (If-Match, If-None-Match) are sent by the existing tests' own cases
                    }
                }
            }
        }
        JsonObject body = operation.getJsonObject("requestBody");
        JsonObject schema = body == null ? null : jsonSchema(body, schemas);
        if (schema != null) {
            for (BadBody bad : BadBody.values()) {
                for (String text : bad.bodies(schema, schemas, random)) {
                    cases.add(new Request(null, method, goodPath, text, "body " + bad + " "
                            + abbreviated(text)));
                }
            }
        }
        return cases;
    }

    private static String fill(String template, String badName, String badValue) {
        Matcher matcher = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = name.equals(badName) ? badValue : goodValues.getOrDefault(name, "x");
            matcher.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(path).toString();
    }

    private static JsonObject jsonSchema(JsonObject body, JsonObject schemas) {
        JsonObject content = body.getJsonObject("content", new JsonObject());
        for (String media : content.fieldNames()) {
            if (media.contains("json")) {
                return resolve(content.getJsonObject(media).getJsonObject("schema", new JsonObject()), schemas);
            }
        }
        return null;
    }

    static JsonObject resolve(JsonObject schema, JsonObject schemas) {
        if (schema == null) {
            return new JsonObject();
        }
        String ref = schema.getString("$ref");
        return ref == null ? schema : schemas.getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
    }

    /** Plausible values of the fields the bodies have, so that a request with one bad field gets far. */
    private static final Map<String, Object> GOOD_FIELDS = Map.ofEntries(
            Map.entry("username", "fuzz.user"), Map.entry("password", "a-long-enough-fuzz-password"),
            Map.entry("newPassword", "another-long-enough-fuzz-password"), Map.entry("displayName", "Fuzz"),
            Map.entry("name", "Fuzz"), Map.entry("serviceId", "svc-a"), Map.entry("counterId", "c1"),
            Map.entry("siteId", "s1"), Map.entry("siteIds", new JsonArray().add("s1")), Map.entry("code", "ABCD-EFGH"),
            Map.entry("reason", "fuzz"), Map.entry("outcome", "done"), Map.entry("note", "fuzz"));

    /**
     * Bad bodies, each made from the operation's schema: every documented field with a plausible value, one of them
     * (drawn by the seeded generator) bad.
     */
    private enum BadBody {
        NUL, LONE_SURROGATE, HUGE_NUMBER, WRONG_TYPE, LONG_STRING, DEEP_NESTING, EMPTY, ARRAY, NULL, BROKEN;

        private static final String BAD = "@@bad@@";

        List<String> bodies(JsonObject schema, JsonObject schemas, Random random) {
            JsonObject properties = schema.getJsonObject("properties", new JsonObject());
            JsonArray required = schema.getJsonArray("required", new JsonArray());
            JsonObject plausible = plausible(properties, schemas);
            List<String> names = new ArrayList<>(properties.fieldNames());
            List<String> strings = names.stream().filter(name -> "string".equals(resolve(properties
                    .getJsonObject(name), schemas).getString("type"))).toList();
            List<String> typed = names.stream().filter(name -> typed(resolve(properties.getJsonObject(name),
                    schemas))).toList();
            return switch (this) {
                case NUL -> withEach(plausible, pick(strings, 2, random), "\"a\\u0000b\"");
                case LONE_SURROGATE -> withEach(plausible, pick(strings, 2, random),
                        random.nextBoolean() ? "\"x\\ud800\"" : "\"\\udc00y\"");
                case HUGE_NUMBER -> typed.isEmpty() ? List.of() : withEach(plausible, pick(typed, 1, random),
                        List.of("1e300", "4294967306", "-99999999999999999999999", "1e400").get(random.nextInt(4)));
                case WRONG_TYPE -> typed.isEmpty() ? List.of() : pick(typed, 2, random).stream().map(name -> with(plausible, name,
                        wrongType(resolve(properties.getJsonObject(name), schemas), random))).toList();
                case LONG_STRING -> withEach(plausible, pick(names, 1, random), "\"" + "x".repeat(100_000) + "\"");
                case DEEP_NESTING -> withEach(plausible, pick(names, 1, random), "[".repeat(1000) + "]".repeat(1000));
                case EMPTY -> required.isEmpty() ? List.of() : List.of("");
                case ARRAY -> List.of("[" + plausible.encode() + "]");
                case NULL -> List.of("null");
                case BROKEN -> List.of(plausible.encode().substring(0, plausible.encode().length() - 1) + ",");
            };
        }

        /** Up to {@code count} of the names; "x" when there is none (a free-form object). */
        private static List<String> pick(List<String> names, int count, Random random) {
            if (names.isEmpty()) {
                return List.of("x");
            }
            List<String> shuffled = new ArrayList<>(names);
            java.util.Collections.shuffle(shuffled, random);
            return shuffled.subList(0, Math.min(count, shuffled.size()));
        }

        /** Whether the schema says what the field holds, so that a value can be of the wrong type or too big. */
        private static boolean typed(JsonObject fieldSchema) {
            return fieldSchema.containsKey("type") && !(fieldSchema.getString("type").equals("object")
                    && !fieldSchema.containsKey("properties") && !fieldSchema.containsKey("additionalProperties"));
        }

        private static String wrongType(JsonObject fieldSchema, Random random) {
            return switch (fieldSchema.getString("type")) {
                case "string" -> List.of("12", "{}", "[\"a\"]", "true").get(random.nextInt(4));
                case "integer" -> List.of("1.5", "\"3\"", "true", "[]").get(random.nextInt(4));
                case "number" -> "\"1\"";
                case "boolean" -> List.of("\"true\"", "1").get(random.nextInt(2));
                case "array" -> List.of("{}", "\"a\"", "[{\"a\":1}]").get(random.nextInt(3));
                default -> List.of("\"text\"", "[]", "7").get(random.nextInt(3));
            };
        }

        /** Every documented field with a plausible value. */
        private static JsonObject plausible(JsonObject properties, JsonObject schemas) {
            JsonObject json = new JsonObject();
            for (String name : properties.fieldNames()) {
                JsonObject property = resolve(properties.getJsonObject(name), schemas);
                Object value = GOOD_FIELDS.containsKey(name) ? GOOD_FIELDS.get(name)
                        : property.containsKey("enum") ? property.getJsonArray("enum").getValue(0)
                        : switch (property.getString("type", "string")) {
                            case "integer", "number" -> (Object) 1;
                            case "boolean" -> false;
                            case "array" -> new JsonArray();
                            case "object" -> new JsonObject();
                            default -> "fuzz";
                        };
                json.put(name, value);
            }
            return json;
        }

        private static List<String> withEach(JsonObject plausible, List<String> fields, String value) {
            return fields.stream().map(field -> with(plausible, field, value)).toList();
        }

        private static String with(JsonObject plausible, String field, String value) {
            return plausible.copy().put(field, BAD).encode().replace("\"" + BAD + "\"", value);
        }
    }

    private static String abbreviated(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…(" + value.length() + ")" : value;
    }

    /** Each table's row count and the md5 of its rows as text, sorted. */
    private static Map<String, String> digest() {
        Map<String, String> digest = new TreeMap<>();
        for (Row table : server.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                + " AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history'")) {
            String name = table.getString(0);
            Row row = server.sql("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)),"
                    + " '') FROM \"" + name + "\" t").getFirst();
            digest.put(name, row.getString(0));
        }
        return digest;
    }

    private static JsonObject document() throws IOException {
        try (InputStream in = BadInputFuzzTest.class.getClassLoader().getResourceAsStream("openapi.json")) {
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
