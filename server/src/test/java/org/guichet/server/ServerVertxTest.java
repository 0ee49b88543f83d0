package org.guichet.server;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import org.guichet.server.config.ClusterSettings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ServerVertxTest {

    @Test
    void hazelcast_joins_the_listed_members_over_tcp_never_by_multicast() {
        Config config = ServerVertx.hazelcast(new ClusterSettings(true, "10.0.0.11", 5701,
                List.of("10.0.0.11", "10.0.0.12"), "guichet", 10, 5710));

        JoinConfig join = config.getNetworkConfig().getJoin();
        assertThat(join.getMulticastConfig().isEnabled()).isFalse();
        assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
        assertThat(join.getTcpIpConfig().isEnabled()).isTrue();
        assertThat(join.getTcpIpConfig().getMembers()).containsExactly("10.0.0.11", "10.0.0.12");
        assertThat(config.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("10.0.0.11");
        assertThat(config.getProperty("hazelcast.max.no.heartbeat.seconds")).isEqualTo("10");
        assertThat(config.getMultiMapConfig("__vertx.subs").getBackupCount()).isEqualTo(1);
        assertThat(config.getMetricsConfig().isEnabled()).as("Hazelcast's own metrics, read by nobody").isFalse();
    }
}
