package org.guichet.server.config;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterSettingsTest {

    @Test
    void no_cluster_section_means_a_single_node() {
        assertThat(ConfigLoader.cluster(new JsonObject()).enabled()).isFalse();
    }

    @Test
    void the_file_gives_the_members_as_a_list() {
        ClusterSettings settings = ConfigLoader.cluster(new JsonObject().put("cluster", new JsonObject()
                .put("enabled", true).put("host", "10.0.0.11").put("eventBusPort", 5710)
                .put("members", List.of("10.0.0.11", "10.0.0.12:5702"))));

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.host()).isEqualTo("10.0.0.11");
        assertThat(settings.port()).isEqualTo(ClusterSettings.DEFAULT_PORT);
        assertThat(settings.eventBusPort()).isEqualTo(5710);
        assertThat(settings.members()).containsExactly("10.0.0.11", "10.0.0.12:5702");
    }

    @Test
    void the_environment_wins_over_the_file_with_comma_separated_members() {
        ClusterSettings settings = ConfigLoader.cluster(new JsonObject()
                .put("cluster", new JsonObject().put("enabled", false).put("members", List.of("a")))
                .put("GUICHET_CLUSTER", "true").put("GUICHET_CLUSTER_PORT", "5801")
                .put("GUICHET_CLUSTER_MEMBERS", "10.0.0.11:5801, 10.0.0.12:5801").put("GUICHET_CLUSTER_NAME", "test"));

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.port()).isEqualTo(5801);
        assertThat(settings.members()).containsExactly("10.0.0.11:5801", "10.0.0.12:5801");
        assertThat(settings.name()).isEqualTo("test");
    }

    @Test
    void a_cluster_without_members_or_with_a_wrong_port_is_refused_with_a_sentence() {
        assertThatThrownBy(() -> ConfigLoader.cluster(new JsonObject().put("cluster", true)))
                .hasMessageContaining("cluster.members must list every node");
        assertThatThrownBy(() -> ConfigLoader.cluster(new JsonObject().put("GUICHET_CLUSTER", "true")
                .put("GUICHET_CLUSTER_MEMBERS", "a").put("GUICHET_CLUSTER_PORT", "seventy")))
                .hasMessageContaining("cluster.port must be a whole number");
    }
}
