package org.guichet.server.config;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {

    @Test
    void audit_retention_is_read_in_days_with_a_default_of_400() {
        assertThat(ConfigLoader.toOptions(new JsonObject(), false, false).auditRetention())
                .isEqualTo(Duration.ofDays(400));
        assertThat(ConfigLoader.toOptions(new JsonObject().put("audit", new JsonObject().put("retentionDays", 30)),
                false, false).auditRetention()).isEqualTo(Duration.ofDays(30));
        for (Object bad : new Object[]{0, -5, 1.5, "forever"}) {
            assertThatThrownBy(() -> ConfigLoader.toOptions(new JsonObject()
                    .put("audit", new JsonObject().put("retentionDays", bad)), false, false))
                    .as(String.valueOf(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("audit.retentionDays");
        }
    }
}
