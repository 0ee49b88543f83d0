package org.guichet.server;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.guichet.server.config.ClusterSettings;

/**
 * The Vert.x a server node runs on: a plain one, or one whose event bus spans the cluster, so that a call made on one
 * node reaches the screens connected to another.
 */
public final class ServerVertx {

    private ServerVertx() {
    }

    public static Future<Vertx> create(ClusterSettings cluster) {
        return create(cluster, new VertxOptions());
    }

    public static Future<Vertx> create(ClusterSettings cluster, VertxOptions options) {
        if (!cluster.enabled()) {
            return Future.succeededFuture(Vertx.vertx(options));
        }
        options.getEventBusOptions().setHost(cluster.host()).setPort(cluster.eventBusPort()).setClusterPublicHost(cluster.host());
        return Vertx.builder().with(options)
                .withClusterManager(new HazelcastClusterManager(hazelcast(cluster)))
                .buildClustered();
    }

    /**
     * Vert.x's own Hazelcast maps (subscriptions, node information) with a TCP/IP join on the configured members,
     * bound to this node's address only, and a silent member dropped after {@code memberLossSeconds} rather than
     * Hazelcast's 60 s: until it is dropped, the others keep trying to deliver to it.
     */
    static Config hazelcast(ClusterSettings cluster) {
        Config config = ConfigUtil.loadConfig();
        config.setClusterName(cluster.name());
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(cluster.memberLossSeconds()));
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        // Hazelcast's own metrics (read from the JVM's management beans every 5 s) have no reader: Guichet's are
        // Micrometer's. Collecting them was 1.7 % of a 2-node network day's CPU profile.
        config.getMetricsConfig().setEnabled(false);
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(cluster.port()).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface(cluster.host());
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(cluster.members());
        return config;
    }
}
