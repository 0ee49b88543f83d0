package org.guichet.server.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** http.publicUrls / GUICHET_PUBLIC_URLS: the nodes' addresses handed to screens. */
class PublicUrlsConfigTest {

    private static JsonObject http(Object publicUrls) {
        return new JsonObject().put("http", new JsonObject().put("publicUrls", publicUrls));
    }

    @Test
    void none_by_default_so_screens_stay_with_their_node() {
        assertThat(ConfigLoader.toOptions(new JsonObject(), false, false).publicUrls()).isEmpty();
    }

    @Test
    void listed_in_the_file_in_order_without_trailing_slashes() {
        assertThat(ConfigLoader.toOptions(http(new JsonArray().add("http://a.example:8080/")
                .add("https://b.example")), false, false).publicUrls())
                .containsExactly("http://a.example:8080", "https://b.example");
    }

    @Test
    void the_environment_variable_is_comma_separated_and_wins_over_the_file() {
        JsonObject config = http(new JsonArray().add("http://a.example:8080"))
                .put("GUICHET_PUBLIC_URLS", "http://c.example:8080, http://d.example:8080,");

        assertThat(ConfigLoader.publicUrls(config)).containsExactly("http://c.example:8080", "http://d.example:8080");
    }

    @Test
    void an_address_that_is_not_a_node_origin_is_refused_with_the_setting_named() {
        for (String bad : new String[]{"a.example:8080", "ftp://a.example", "http://a.example/display/",
                "http://a.example?x=1", "http://"}) {
            assertThatThrownBy(() -> ConfigLoader.publicUrls(http(new JsonArray().add(bad)))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http.publicUrls");
        }
    }
}
