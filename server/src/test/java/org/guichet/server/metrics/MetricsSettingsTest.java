package org.guichet.server.metrics;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetricsSettingsTest {

    private static final String TOKEN = "a-metrics-token-of-32-characters";

    @Test
    void without_a_token_the_endpoint_is_off() {
        assertThat(MetricsSettings.fromConfig(new JsonObject()).enabled()).isFalse();
        assertThat(MetricsSettings.fromConfig(new JsonObject().put("metrics", new JsonObject().put("token", " ")))
                .enabled()).isFalse();
        assertThat(MetricsSettings.off().accepts(null)).isFalse();
        assertThat(MetricsSettings.off().accepts("")).isFalse();
    }

    @Test
    void the_environment_wins_over_the_file() {
        MetricsSettings settings = MetricsSettings.fromConfig(new JsonObject()
                .put("metrics", new JsonObject().put("token", "from-the-file-0123456789"))
                .put("GUICHET_METRICS_TOKEN", TOKEN));
        assertThat(settings.accepts(TOKEN)).isTrue();
        assertThat(settings.accepts("from-the-file-0123456789")).isFalse();
    }

    @Test
    void only_the_exact_token_is_accepted() {
        MetricsSettings settings = MetricsSettings.withToken(TOKEN);
        assertThat(settings.accepts(TOKEN)).isTrue();
        assertThat(settings.accepts(TOKEN + "x")).isFalse();
        assertThat(settings.accepts(TOKEN.substring(1))).isFalse();
        assertThat(settings.accepts(TOKEN.toUpperCase())).isFalse();
        assertThat(settings.accepts(null)).isFalse();
    }

    @Test
    void a_short_or_spaced_token_is_refused_with_a_sentence() {
        assertThatThrownBy(() -> MetricsSettings.withToken("short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("metrics.token").hasMessageContaining("16");
        assertThatThrownBy(() -> MetricsSettings.withToken("with a space in the middle"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_token_is_never_printed_and_each_node_has_its_own_registry() {
        MetricsSettings one = MetricsSettings.withToken(TOKEN);
        MetricsSettings other = MetricsSettings.withToken(TOKEN);
        assertThat(one.toString()).doesNotContain(TOKEN);
        assertThat(one.registryName()).isNotEqualTo(other.registryName());
    }
}
