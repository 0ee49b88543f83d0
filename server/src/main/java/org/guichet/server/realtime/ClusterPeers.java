package org.guichet.server.realtime;

import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.spi.cluster.ClusteredNode;

import java.util.List;
import java.util.UUID;

/** This node's id in the cluster and the other nodes' (none when it runs alone). */
final class ClusterPeers {

    /** The cluster this node belongs to; null when it runs alone. */
    private final ClusteredNode cluster;
    private final String aloneId = UUID.randomUUID().toString();

    ClusterPeers(Vertx vertx) {
        // Vert.x 5 offers the cluster's members (ClusterManager.getNodes) only through its internal interface.
        this.cluster = vertx.isClustered() ? ((VertxInternal) vertx).clusterManager() : null;
    }

    boolean clustered() {
        return cluster != null;
    }

    String here() {
        return cluster == null ? aloneId : cluster.getNodeId();
    }

    /** The other members as Hazelcast lists them now: a node that just left may still be there, one joining not yet. */
    List<String> others() {
        if (cluster == null) {
            return List.of();
        }
        String here = cluster.getNodeId();
        return cluster.getNodes().stream().filter(node -> !node.equals(here)).toList();
    }
}
