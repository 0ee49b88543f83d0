package org.guichet.server.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InputTextTest {

    @Test
    void plain_text_and_paired_surrogates_pass() {
        assertThat(InputText.problem("", new JsonObject().put("name", "Accueil – bâtiment A 😀")
                .put("list", new JsonArray().add("x").add(3)))).isNull();
    }

    @Test
    void nul_lone_surrogates_and_long_strings_are_named_by_field() {
        assertThat(InputText.problem("", new JsonObject().put("a", new JsonObject().put("b", "x\0y"))))
                .isEqualTo("'a.b' contains a NUL character.");
        assertThat(InputText.problem("", new JsonObject().put("list", new JsonArray().add("ok").add("\ud800"))))
                .isEqualTo("'list[1]' is not valid Unicode (a lone surrogate).");
        assertThat(InputText.problem("", new JsonObject().put("x", "a\udc00"))).contains("lone surrogate");
        assertThat(InputText.problem("", new JsonObject().put("x", "y".repeat(InputText.MAX_STRING + 1))))
                .isEqualTo("'x' is longer than 10000 characters.");
        assertThat(InputText.problem("siteId", "s1\0")).isEqualTo("'siteId' contains a NUL character.");
    }

    @Test
    void field_names_are_checked_and_never_echoed_raw() {
        assertThat(InputText.problem("", new JsonObject().put("bad\0key", 1))).contains("NUL");
        assertThat(InputText.shortened("k".repeat(200))).hasSize(81);
        assertThat(InputText.shortened("a\u0001b")).isEqualTo("a?b");
    }

    @Test
    void nesting_is_bounded() {
        JsonObject deep = new JsonObject();
        JsonObject inner = deep;
        for (int i = 0; i < 40; i++) {
            JsonObject next = new JsonObject();
            inner.put("n", next);
            inner = next;
        }
        assertThat(InputText.problem("", deep)).contains("nests more than 32 levels");
    }

    @Test
    void a_json_pointer_becomes_a_field_name() {
        assertThat(RequestValidation.fieldName("/sites/0/services/12/targetWaitMinutes"))
                .isEqualTo("sites[0].services[12].targetWaitMinutes");
        assertThat(RequestValidation.fieldName("")).isEmpty();
    }

    @Test
    void the_validation_view_keeps_json_bodies_and_names_operations() {
        JsonObject document = new JsonObject().put("servers", new JsonArray().add(new JsonObject().put("url", "/api/v1")))
                .put("paths", new JsonObject()
                        .put("/a", new JsonObject().put("put", new JsonObject().put("responses", new JsonObject())
                                .put("requestBody", new JsonObject().put("content", new JsonObject()
                                        .put("application/json", new JsonObject())
                                        .put("application/yaml", new JsonObject())))))
                        .put("/b", new JsonObject().put("post", new JsonObject().put("responses", new JsonObject())
                                .put("requestBody", new JsonObject().put("content", new JsonObject()
                                        .put("text/csv", new JsonObject()))))));
        JsonObject view = RequestValidation.validationView(document);
        JsonObject a = view.getJsonObject("paths").getJsonObject("/a").getJsonObject("put");
        assertThat(a.getString("operationId")).isEqualTo("PUT /a");
        assertThat(a.getJsonObject("requestBody").getJsonObject("content").fieldNames())
                .containsExactly("application/json");
        assertThat(a.getBoolean("x-guichet-yaml")).isTrue();
        assertThat(view.getJsonObject("paths").getJsonObject("/b").getJsonObject("post").containsKey("requestBody"))
                .isFalse();
        assertThat(document.getJsonObject("paths").getJsonObject("/a").getJsonObject("put").containsKey("operationId"))
                .as("the document itself is left as it is").isFalse();
    }
}
