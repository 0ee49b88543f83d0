package org.guichet.server.domain;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeploymentDiffTest {

    private static JsonObject deployment() {
        return new JsonObject().put("sites", new JsonArray().add(new JsonObject()
                .put("id", "s1").put("name", "Site 1")
                .put("rooms", new JsonArray().add(new JsonObject().put("id", "r1").put("name", "Salle")))
                .put("services", new JsonArray()
                        .add(new JsonObject().put("id", "m1").put("kind", "menu").put("name", "Menu"))
                        .add(new JsonObject().put("id", "a").put("name", "A").put("prefix", "A").put("room", "r1")
                                .put("parent", "m1")))
                .put("counters", new JsonArray().add(new JsonObject().put("id", "c1").put("name", "G1")
                        .put("room", "r1").put("services", new JsonArray().add("a"))))
                .put("devices", new JsonArray().add(new JsonObject().put("id", "k1").put("kind", "kiosk")))));
    }

    @Test
    void normalising_writes_out_every_default_and_is_idempotent() {
        JsonObject normalized = DeploymentDocument.normalize(deployment());
        JsonObject site = normalized.getJsonArray("sites").getJsonObject(0);
        assertThat(site.getString("timeZone")).isEqualTo(DeploymentRules.DEFAULT_TIME_ZONE);
        assertThat(site.getJsonObject("callingPolicy")).isEqualTo(CallingPolicy.DEFAULT.toJson());
        assertThat(site.getJsonObject("calendar")).isEmpty();
        JsonObject service = site.getJsonArray("services").getJsonObject(1);
        assertThat(service.getInteger("order")).isEqualTo(2);
        assertThat(service.getInteger("targetWaitMinutes")).isEqualTo(DeploymentRules.DEFAULT_TARGET_WAIT_MINUTES);
        assertThat(service.getBoolean("active")).isTrue();
        assertThat(site.getJsonArray("services").getJsonObject(0).containsKey("prefix")).isFalse();
        JsonObject device = site.getJsonArray("devices").getJsonObject(0);
        assertThat(device.getString("name")).isEqualTo("k1");
        assertThat(device.getString("language")).isEqualTo(Languages.DEFAULT);

        assertThat(DeploymentDocument.normalize(normalized)).isEqualTo(normalized);
    }

    @Test
    void the_same_deployment_changes_nothing() {
        JsonObject normalized = DeploymentDocument.normalize(deployment());
        List<DeploymentDiff.SiteChanges> diff = DeploymentDiff.between(normalized, normalized.copy());
        assertThat(diff).hasSize(1);
        assertThat(diff.get(0).isEmpty()).isTrue();
        // The site, a room, two services, a counter, a device.
        assertThat(diff.get(0).unchanged()).isEqualTo(6);
    }

    @Test
    void additions_and_changed_fields_are_reported_per_site_with_before_and_after() {
        JsonObject before = DeploymentDocument.normalize(deployment());
        JsonObject changed = deployment();
        JsonObject site = changed.getJsonArray("sites").getJsonObject(0);
        site.put("footer", "Bienvenue");
        site.getJsonArray("counters").getJsonObject(0).put("name", "Guichet 1").put("active", false);
        site.getJsonArray("devices").add(new JsonObject().put("id", "k2").put("kind", "kiosk"));
        changed.getJsonArray("sites").add(new JsonObject().put("id", "s2").put("name", "Site 2"));

        List<DeploymentDiff.SiteChanges> diff = DeploymentDiff.between(before, DeploymentDocument.normalize(changed));

        DeploymentDiff.SiteChanges s1 = diff.get(0);
        assertThat(s1.added()).extracting(DeploymentDiff.Change::id).containsExactly("k2");
        assertThat(s1.added().get(0).before()).isNull();
        assertThat(s1.changed()).extracting(DeploymentDiff.Change::kind).containsExactly("site", "counter");
        assertThat(s1.changed().get(0).fields()).containsExactly("footer");
        assertThat(s1.changed().get(0).after().containsKey("rooms")).isFalse();
        DeploymentDiff.Change counter = s1.changed().get(1);
        assertThat(counter.fields()).containsExactlyInAnyOrder("name", "active");
        assertThat(counter.before().getString("name")).isEqualTo("G1");
        assertThat(counter.after().getString("name")).isEqualTo("Guichet 1");
        assertThat(s1.unchanged()).isEqualTo(4);

        DeploymentDiff.SiteChanges s2 = diff.get(1);
        assertThat(s2.added()).extracting(DeploymentDiff.Change::kind).containsExactly("site");
        assertThat(s2.unchanged()).isZero();
    }

    @Test
    void an_entity_left_out_is_not_counted_as_a_change() {
        JsonObject before = DeploymentDocument.normalize(deployment());
        JsonObject fewer = deployment();
        fewer.getJsonArray("sites").getJsonObject(0).remove("devices");
        List<DeploymentDiff.SiteChanges> diff = DeploymentDiff.between(before, DeploymentDocument.normalize(fewer));
        assertThat(diff.get(0).isEmpty()).isTrue();
        assertThat(diff.get(0).unchanged()).isEqualTo(5);
    }

    @Test
    void missing_and_null_are_the_same_and_numbers_compare_by_value() {
        assertThat(DeploymentDiff.same(new JsonObject().put("a", 1), new JsonObject().put("a", 1.0).putNull("b")))
                .isTrue();
        assertThat(DeploymentDiff.same(1L, 2)).isFalse();
        assertThat(DeploymentDiff.same(new JsonArray().add("a").add("b"), new JsonArray().add("b").add("a")))
                .isFalse();
        assertThat(DeploymentDiff.same("x", null)).isFalse();
    }
}
