package org.guichet.server.realtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import org.guichet.server.ServerVertx;
import org.guichet.server.config.ClusterSettings;
import org.guichet.server.config.LoopbackPorts;
import org.guichet.server.testing.Eventually;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.await;

/** Two clustered Vert.x on 127.0.0.1: the list of the other nodes, kept between messages, follows the membership. */
class ClusterPeersTest {

    @Test
    void the_other_nodes_are_listed_again_when_one_joins_and_when_one_leaves() {
        int portA = LoopbackPorts.free();
        int portB = LoopbackPorts.free();
        String cluster = "guichet-peers-" + UUID.randomUUID();
        Vertx a = await(ServerVertx.create(ClusterSettings.onLoopback(portA, List.of(portA, portB), cluster)));
        Vertx b = null;
        try {
            ClusterPeers peers = new ClusterPeers(a);
            assertThat(peers.others()).as("alone, and kept so").isEmpty();

            b = await(ServerVertx.create(ClusterSettings.onLoopback(portB, List.of(portA, portB), cluster)));
            String joined = ((VertxInternal) b).clusterManager().getNodeId();
            Eventually.await("the joining node listed", () -> peers.others(), List.of(joined)::equals);
            assertThat(peers.here()).isEqualTo(((VertxInternal) a).clusterManager().getNodeId());

            await(b.close());
            b = null;
            Eventually.await("the node that left no longer listed", () -> peers.others(), List::isEmpty);
        } finally {
            await(Future.join(b == null ? Future.succeededFuture() : b.close(), a.close()));
        }
    }
}
