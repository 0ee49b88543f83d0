package org.guichet.server.domain;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpSettingsTest {

    @Test
    void defaults_when_nothing_is_configured() {
        HttpSettings settings = HttpSettings.fromConfig(null);
        assertThat(settings.idleTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.headerTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.trustedProxies()).isEmpty();
    }

    @Test
    void reads_timeouts_and_proxies_as_a_list_or_comma_separated() {
        HttpSettings listed = HttpSettings.fromConfig(new JsonObject().put("idleTimeoutSeconds", 60)
                .put("headerTimeoutSeconds", 5).put("trustedProxies", new JsonArray().add("10.0.0.5").add(" 10.0.0.6")));
        assertThat(listed.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(listed.headerTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(listed.trustedProxies()).containsExactly("10.0.0.5", "10.0.0.6");
        assertThat(HttpSettings.fromConfig(new JsonObject().put("trustedProxies", "10.0.0.5, 10.0.0.6,"))
                .trustedProxies()).containsExactly("10.0.0.5", "10.0.0.6");
    }

    @Test
    void refuses_timeouts_that_are_not_whole_seconds_from_1_to_3600() {
        for (Object bad : List.of(0, -1, 1.5, 3601, "20")) {
            assertThatThrownBy(() -> HttpSettings.fromConfig(new JsonObject().put("idleTimeoutSeconds", bad)))
                    .as(String.valueOf(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("http.idleTimeoutSeconds");
        }
    }

    @Test
    void believes_x_forwarded_proto_only_from_a_trusted_proxy() {
        ClientAddress proxies = new HttpSettings(Duration.ofSeconds(20), Duration.ofSeconds(10),
                List.of("10.0.0.5", "10.1.0.0/16")).proxies();
        assertThat(HttpSettings.overTls(true, proxies.isTrusted("192.0.2.1"), null)).as("a TLS connection").isTrue();
        assertThat(HttpSettings.overTls(false, proxies.isTrusted("10.0.0.5"), "https")).as("the trusted proxy").isTrue();
        assertThat(HttpSettings.overTls(false, proxies.isTrusted("10.1.2.3"), "https")).as("its network").isTrue();
        assertThat(HttpSettings.overTls(false, proxies.isTrusted("10.0.0.5"), "https, http")).as("first hop first")
                .isTrue();
        assertThat(HttpSettings.overTls(false, proxies.isTrusted("10.0.0.5"), "http")).isFalse();
        assertThat(HttpSettings.overTls(false, proxies.isTrusted("192.0.2.1"), "https")).as("anyone else").isFalse();
        assertThat(HttpSettings.overTls(false, proxies.isTrusted("10.0.0.5"), null)).isFalse();
    }
}
