package org.guichet.server.realtime;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Publishes what browsers hear (rooms, counters, sites, tickets; see {@link Addresses}). A server alone publishes
 * straight to the address. In a cluster a node publishes each message to its own listeners and sends it once to each
 * other node's relay address, where that node publishes it again to its own listeners only.
 *
 * <p>Why: before delivering to an address, a clustered Vert.x asks Hazelcast which nodes listen to it, and keeps the
 * answer only when some node does. Most of these addresses have no listener most of the time (a ticket whose visitor
 * has no page open, a counter whose tablet is not connected, a site no supervisor watches), so each of those
 * messages cost a Hazelcast lookup on a worker thread, often on the other node. A node's relay address always has a
 * listener, so its answer is kept. The relay is addressed to each other node rather than published to all: a
 * publication also came back to its own node's relay, one more hop on the event bus before its own listeners.
 */
public final class LiveChannels {

    private static final String TO = "to";
    private static final Pattern BROWSER_ADDRESS = Pattern.compile(ListenPermissions.OUTBOUND_REGEX);
    private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);
    private static final BiConsumer<String, JsonObject> NOBODY = (address, body) -> {
    };

    private final EventBus eventBus;
    private final ClusterPeers peers;
    private volatile BiConsumer<String, JsonObject> overhearing = NOBODY;

    public LiveChannels(Vertx vertx) {
        this.eventBus = vertx.eventBus();
        this.peers = new ClusterPeers(vertx);
    }

    public void publish(String address, JsonObject body) {
        if (!peers.clustered()) {
            eventBus.publish(address, body);
            return;
        }
        overhearing.accept(address, body);
        eventBus.publish(address, body, LOCAL);
        DeliveryOptions relayed = new DeliveryOptions().addHeader(TO, address);
        peers.others().forEach(node -> eventBus.send(Addresses.LIVE_RELAY + node, body, relayed));
    }

    /**
     * This node's end of the relay, to register once per node and unregister when the node stops. It passes on only
     * what browsers may hear, never an internal announcement, and shows each message to {@code overhearing} (the
     * address and the body, not to be changed) before, this node's own publications as well.
     */
    public MessageConsumer<JsonObject> relay(BiConsumer<String, JsonObject> overhearing) {
        this.overhearing = overhearing;
        return eventBus.consumer(Addresses.LIVE_RELAY + peers.here(), message -> {
            String address = message.headers().get(TO);
            if (address != null && BROWSER_ADDRESS.matcher(address).matches()) {
                overhearing.accept(address, message.body());
                eventBus.publish(address, message.body(), LOCAL);
            }
        });
    }
}
