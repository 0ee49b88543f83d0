package org.guichet.server.realtime;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.spi.cluster.ClusteredNode;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This node's id in the cluster and the other nodes' (none when it runs alone). The others are listed again only
 * after Hazelcast says a member came or went: listing them builds a new list from every member's attributes, which
 * cost 0.8 % of a 2-node network day's CPU profile when done for each message to browsers.
 */
final class ClusterPeers {

    /** The other members, listed at a version of the membership: a later list has a higher version. */
    record Members(long version, List<String> others) {
    }

    /** The cluster this node belongs to; null when it runs alone. */
    private final ClusteredNode cluster;
    private final String aloneId = UUID.randomUUID().toString();
    private final AtomicLong membershipVersion = new AtomicLong();
    /** Whether Hazelcast tells this node when members come and go, so that the list can be kept. */
    private final boolean followsMembership;
    private volatile Members known = new Members(-1, List.of());

    ClusterPeers(Vertx vertx) {
        // Vert.x 5 offers the cluster's members (ClusterManager.getNodes) only through its internal interface.
        this.cluster = vertx.isClustered() ? ((VertxInternal) vertx).clusterManager() : null;
        this.followsMembership = cluster instanceof HazelcastClusterManager;
        if (cluster instanceof HazelcastClusterManager hazelcast) {
            hazelcast.getHazelcastInstance().getCluster().addMembershipListener(new MembershipListener() {
                @Override
                public void memberAdded(MembershipEvent event) {
                    membershipVersion.incrementAndGet();
                }

                @Override
                public void memberRemoved(MembershipEvent event) {
                    membershipVersion.incrementAndGet();
                }
            });
        }
    }

    boolean clustered() {
        return cluster != null;
    }

    String here() {
        return cluster == null ? aloneId : cluster.getNodeId();
    }

    /** The other members as Hazelcast lists them now: a node that just left may still be there, one joining not yet. */
    List<String> others() {
        return members().others();
    }

    /** The same object until Hazelcast says a member came or went. */
    Members members() {
        if (cluster == null) {
            return known;
        }
        long version = membershipVersion.get();
        Members last = known;
        if (followsMembership && last.version() == version) {
            return last;
        }
        String here = cluster.getNodeId();
        Members members = new Members(version,
                cluster.getNodes().stream().filter(node -> !node.equals(here)).toList());
        known = members;
        return members;
    }
}
