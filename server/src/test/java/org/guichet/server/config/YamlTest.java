package org.guichet.server.config;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class YamlTest {

    private static JsonObject read(String text) {
        return Yaml.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void unquoted_dates_stay_text_as_values_and_as_keys() {
        JsonObject calendar = read("""
                openOnHolidays: [2027-05-08]
                specialHours:
                  2026-12-24: "08:30-12:00"
                """);

        assertThat(calendar.getJsonArray("openOnHolidays").getValue(0)).isEqualTo("2027-05-08");
        assertThat(calendar.getJsonObject("specialHours").getString("2026-12-24")).isEqualTo("08:30-12:00");
    }

    @Test
    void numbers_booleans_and_nulls_are_still_typed() {
        JsonObject read = read("a: 15\nb: true\nc: ~\nd: 0.75\n");

        assertThat(read.getValue("a")).isEqualTo(15);
        assertThat(read.getValue("b")).isEqualTo(true);
        assertThat(read.containsKey("c")).isTrue();
        assertThat(read.getValue("c")).isNull();
        assertThat(read.getValue("d")).isEqualTo(0.75);
    }
}
