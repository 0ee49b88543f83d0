package org.guichet.server.service;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class YamlCodecTest {

    @Test
    void what_is_written_reads_back_the_same_whatever_the_text_looks_like() {
        JsonObject tricky = new JsonObject()
                .put("name", "Hall d'accueil A – bâtiment B (1er étage)")
                .put("hours", "08:30-12:00, 13:30-17:00")
                .put("date", "2026-12-24")
                .put("yes", "yes").put("no", "N").put("nothing", "null").put("tilde", "~").put("empty", "")
                .put("number", "0123").put("signed", "-5").put("spaced", " padded ").put("hash", "a # b")
                .put("quote", "say \"hi\"").put("lines", "one\ntwo").put("colon", "key: value")
                .put("dash", "- item").put("star", "*alias").put("amp", "&anchor").put("braces", "{x}")
                .put("occitan", "Acuèlh e informacion")
                .put("int", 15).put("double", 0.75).put("bool", false).put("nil", null)
                .put("map", new JsonObject().put("2026-12-31", "08:30-11:00").put("en", new JsonObject()
                        .put("name", "Room").put("directions", "Follow the green line")))
                .put("emptyMap", new JsonObject()).put("emptyList", new JsonArray())
                .put("list", new JsonArray().add("a").add(new JsonObject().put("id", "r1").put("name", "R"))
                        .add(new JsonArray().add(1).add("two")).add(new JsonObject()));

        String yaml = YamlCodec.write(tricky);

        assertThat(YamlCodec.read(yaml)).isEqualTo(tricky);
        assertThat(yaml).contains("name: Hall d'accueil A – bâtiment B (1er étage)\n")
                .contains("hours: \"08:30-12:00, 13:30-17:00\"\n").contains("  - id: r1\n    name: R\n");
    }
}
