package org.guichet.server.domain;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.EntityKeys.Kind;
import org.guichet.server.domain.EntityKeys.Ref;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EntityKeysTest {

    @Test
    void a_new_entity_takes_its_code_as_key_when_free_else_its_site_and_code() {
        Ref first = new Ref(Kind.SERVICE, "hdd-a", "info");
        Ref second = new Ref(Kind.SERVICE, "hdd-b", "info");
        Ref room = new Ref(Kind.ROOM, "hdd-b", "info");

        Map<Ref, String> keys = EntityKeys.assign(List.of(first, second, room), Map.of(), Map.of());

        assertThat(keys).containsEntry(first, "info").containsEntry(second, "hdd-b:info")
                .as("another kind, another namespace").containsEntry(room, "info");
    }

    @Test
    void an_existing_entity_keeps_its_key_and_a_key_taken_elsewhere_is_not_given_again() {
        Ref existing = new Ref(Kind.COUNTER, "college-1", "g1");
        Ref fresh = new Ref(Kind.COUNTER, "college-2", "g1");

        Map<Ref, String> keys = EntityKeys.assign(List.of(fresh, existing), Map.of(existing, "g1"),
                Map.of(Kind.COUNTER, Set.of("g1")));

        assertThat(keys).containsEntry(existing, "g1").containsEntry(fresh, "college-2:g1");
    }

    @Test
    void references_within_a_site_follow_the_keys_of_what_they_name() {
        JsonObject deployment = new JsonObject().put("sites", new JsonArray().add(new JsonObject().put("id", "b")
                .put("rooms", new JsonArray().add(new JsonObject().put("id", "hall")))
                .put("services", new JsonArray().add(new JsonObject().put("id", "menu"))
                        .add(new JsonObject().put("id", "info").put("parent", "menu").put("room", "hall")))
                .put("counters", new JsonArray().add(new JsonObject().put("id", "g1").put("room", "hall")
                        .put("services", new JsonArray().add("info"))))
                .put("devices", new JsonArray().add(new JsonObject().put("id", "screen").put("room", "hall"))
                        .add(new JsonObject().put("id", "top").put("counter", "g1")))));
        Map<Ref, String> keys = EntityKeys.assign(EntityKeys.declared(deployment), Map.of(),
                Map.of(Kind.ROOM, Set.of("hall"), Kind.SERVICE, Set.of("info"), Kind.COUNTER, Set.of("g1")));

        JsonObject site = EntityKeys.keyed(deployment, keys).getJsonArray("sites").getJsonObject(0);

        JsonObject info = site.getJsonArray("services").getJsonObject(1);
        assertThat(info.getString("id")).isEqualTo("b:info");
        assertThat(info.getString("code")).isEqualTo("info");
        assertThat(info.getString("parent")).isEqualTo("menu");
        assertThat(info.getString("room")).isEqualTo("b:hall");
        JsonObject counter = site.getJsonArray("counters").getJsonObject(0);
        assertThat(counter.getString("id")).isEqualTo("b:g1");
        assertThat(counter.getJsonArray("services")).containsExactly("b:info");
        assertThat(site.getJsonArray("devices").getJsonObject(0).getString("room")).isEqualTo("b:hall");
        assertThat(site.getJsonArray("devices").getJsonObject(1).getString("counter")).isEqualTo("b:g1");
        assertThat(deployment.getJsonArray("sites").getJsonObject(0).getJsonArray("services").getJsonObject(1)
                .getString("room")).as("the deployment given is left as it was").isEqualTo("hall");
    }
}
