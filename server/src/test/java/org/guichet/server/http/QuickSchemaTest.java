package org.guichet.server.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.JsonSchema;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class QuickSchemaTest {

    private static Vertx vertx;
    private static OpenAPIContract contract;

    @BeforeAll
    static void readTheDocument() throws Exception {
        vertx = Vertx.vertx();
        JsonObject view = RequestValidation.validationView(vertx.fileSystem().readFileBlocking("openapi.json")
                .toJsonObject());
        contract = OpenAPIContract.from(vertx, view).await(30, TimeUnit.SECONDS);
    }

    @AfterAll
    static void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void a_string_is_vouched_for_within_its_lengths_and_its_enum_and_nothing_else_is() {
        QuickSchema id = QuickSchema.of(new JsonObject("{\"type\":\"string\",\"maxLength\":3,\"minLength\":1}"));
        QuickSchema language = QuickSchema.of(new JsonObject("{\"type\":\"string\",\"enum\":[\"fr\",\"oc\"]}"));

        assertThat(id.vouchesFor("abc")).isTrue();
        assertThat(id.vouchesFor("abcd")).isFalse();
        assertThat(id.vouchesFor("")).isFalse();
        assertThat(id.vouchesFor(12)).isFalse();
        assertThat(id.vouchesFor(null)).isFalse();
        // Two code points in four UTF-16 units: within the schema's 3, but not vouched (left to the validator).
        assertThat(id.vouchesFor("😀😀")).isFalse();
        assertThat(language.vouchesFor("oc")).isTrue();
        assertThat(language.vouchesFor("de")).isFalse();
    }

    @Test
    void integers_are_vouched_for_within_their_bounds_as_integer_or_long_only() {
        QuickSchema minutes = QuickSchema.of(new JsonObject("{\"type\":\"integer\",\"minimum\":0,\"maximum\":600}"));

        assertThat(minutes.vouchesFor(0)).isTrue();
        assertThat(minutes.vouchesFor(600L)).isTrue();
        assertThat(minutes.vouchesFor(601)).isFalse();
        assertThat(minutes.vouchesFor(-1)).isFalse();
        assertThat(minutes.vouchesFor(5.0)).isFalse();
        assertThat(minutes.vouchesFor("5")).isFalse();
    }

    @Test
    void an_object_is_vouched_for_with_its_required_names_and_no_property_refused() {
        QuickSchema issue = QuickSchema.of(new JsonObject("""
                {"type":"object","required":["serviceId"],"additionalProperties":false,
                 "properties":{"serviceId":{"type":"string","maxLength":200},
                               "note":{"type":"string","pattern":"^[a-z]*$"}}}"""));

        assertThat(issue.vouchesFor(new JsonObject().put("serviceId", "svc-a"))).isTrue();
        assertThat(issue.vouchesFor(new JsonObject())).as("without a required name").isFalse();
        assertThat(issue.vouchesFor(new JsonObject().put("serviceId", "svc-a").put("extra", 1)))
                .as("a property the schema does not allow").isFalse();
        assertThat(issue.vouchesFor(new JsonObject().put("serviceId", "svc-a").put("note", "abc")))
                .as("a property whose schema this check cannot read (a pattern)").isFalse();
        assertThat(issue.vouchesFor(new JsonArray())).isFalse();
    }

    @Test
    void a_schema_with_a_keyword_it_does_not_read_is_vouched_for_never() {
        for (String schema : List.of("{\"type\":\"string\",\"format\":\"date\"}", "{\"maxLength\":3}",
                "{\"type\":[\"string\",\"null\"]}", "{\"type\":\"integer\",\"minimum\":0.5}",
                "{\"type\":\"integer\",\"minimum\":0,\"exclusiveMinimum\":true}",
                "{\"type\":\"string\",\"enum\":[\"a\",1]}", "{\"type\":\"object\",\"allOf\":[]}",
                "{\"type\":\"number\"}", "{\"type\":\"string\",\"maxLength\":-1}")) {
            QuickSchema quick = QuickSchema.of(new JsonObject(schema));
            for (Object value : List.of("a", "2024-01-01", 1, 0, new JsonObject(), 1.0)) {
                assertThat(quick.vouchesFor(value)).as(schema + " for " + value).isFalse();
            }
        }
    }

    @Test
    void every_value_vouched_for_against_openapi_json_is_one_the_full_validator_accepts() {
        int checked = 0;
        int vouched = 0;
        List<String> schemasVouchingForSomething = new ArrayList<>();
        for (Operation operation : contract.operations()) {
            List<JsonSchema> schemas = new ArrayList<>();
            for (Parameter parameter : operation.getParameters()) {
                schemas.add(parameter.getSchema());
            }
            if (operation.getRequestBody() != null) {
                for (MediaType media : operation.getRequestBody().getContent().values()) {
                    schemas.add(media.getSchema());
                }
            }
            for (JsonSchema schema : schemas) {
                QuickSchema quick = QuickSchema.of(schema);
                boolean any = false;
                for (Object value : samples(json(schema), 2)) {
                    checked++;
                    if (quick.vouchesFor(value)) {
                        vouched++;
                        any = true;
                        assertThat(fullyValid(schema, value)).as(operation.getOperationId() + ": " + json(schema)
                                + " vouched for " + value + ", which the validator refuses").isTrue();
                    }
                }
                if (any) {
                    schemasVouchingForSomething.add(operation.getOperationId());
                }
            }
        }
        assertThat(checked).isGreaterThan(1000);
        assertThat(vouched).isGreaterThan(100);
        assertThat(schemasVouchingForSomething).contains("POST /tickets", "POST /counters/{counterId}/call-next",
                "POST /tickets/{ticketId}/start", "POST /tickets/{ticketId}/finish");
    }

    @Test
    void the_busiest_requests_are_vouched_for_without_the_full_validator() {
        assertThat(quick("/api/v1/tickets", HttpMethod.POST).vouchesFor(new JsonObject().put("serviceId", "svc-a")
                .put("language", "fr").put("priority", "NORMAL").put("idempotencyKey", "k-1"))).isTrue();
        assertThat(quick("/api/v1/tickets/12/finish", HttpMethod.POST).vouchesFor(new JsonObject())).isTrue();
        Operation callNext = contract.findOperation("/api/v1/counters/c-1/call-next", HttpMethod.POST);
        assertThat(QuickSchema.of(callNext.getParameters().get(0).getSchema()).vouchesFor("c-1")).isTrue();
        assertThat(quick("/api/v1/tickets", HttpMethod.POST).vouchesFor(new JsonObject().put("serviceId", 7)))
                .isFalse();
    }

    private static QuickSchema quick(String path, HttpMethod method) {
        Operation operation = contract.findOperation(path, method);
        return QuickSchema.of(operation.getRequestBody().getContent().get("application/json").getSchema());
    }

    private static boolean fullyValid(JsonSchema schema, Object value) {
        return Boolean.TRUE.equals(contract.getSchemaRepository().validator(schema).validate(value).getValid());
    }

    private static JsonObject json(JsonSchema schema) {
        JsonObject json = new JsonObject();
        for (String name : schema.fieldNames()) {
            json.put(name, schema.get(name));
        }
        return json;
    }

    /**
     * Values to try against a schema: plain ones of every kind, its enum's, its bounds and one past them, and for an
     * object one with every property set to each of that property's values in turn, without each required name, and
     * with a name it does not list.
     */
    private static List<Object> samples(JsonObject schema, int depth) {
        List<Object> values = new ArrayList<>(Arrays.asList(null, "", "x", "svc-a", "é", "a".repeat(200),
                "a".repeat(201), "😀".repeat(100), "😀".repeat(101), 0, 1, -1, 12_345_678_901L, 1.5, true,
                new JsonObject(), new JsonArray(), new JsonArray().add("x")));
        if (schema.getValue("enum") instanceof JsonArray listed) {
            values.addAll(listed.getList());
        }
        for (String bound : List.of("maxLength", "minLength")) {
            if (schema.getValue(bound) instanceof Integer n) {
                values.add("b".repeat(n));
                values.add("b".repeat(n + 1));
                values.add("b".repeat(Math.max(0, n - 1)));
            }
        }
        for (String bound : List.of("minimum", "maximum")) {
            if (schema.getValue(bound) instanceof Number n) {
                values.add(n.longValue());
                values.add(n.longValue() + 1);
                values.add(n.longValue() - 1);
            }
        }
        if (depth > 0 && schema.getValue("items") instanceof JsonObject items) {
            for (Object item : samples(items, depth - 1)) {
                values.add(new JsonArray().add(item));
            }
        }
        if (depth > 0 && schema.getValue("properties") instanceof JsonObject properties) {
            JsonObject plausible = new JsonObject();
            Map<String, List<Object>> each = new java.util.LinkedHashMap<>();
            for (String name : properties.fieldNames()) {
                List<Object> options = samples(properties.getJsonObject(name), depth - 1);
                each.put(name, options);
                plausible.put(name, options.stream().filter(option -> option != null
                        && QuickSchema.of(properties.getJsonObject(name)).vouchesFor(option)).findFirst()
                        .orElse(options.get(2)));
            }
            values.add(plausible.copy());
            each.forEach((name, options) -> options.forEach(option -> values.add(plausible.copy().put(name, option))));
            if (schema.getValue("required") instanceof JsonArray required) {
                required.forEach(name -> {
                    JsonObject without = plausible.copy();
                    without.remove((String) name);
                    values.add(without);
                });
            }
            values.add(plausible.copy().put("notInTheSchema", 1));
        }
        return values;
    }
}
