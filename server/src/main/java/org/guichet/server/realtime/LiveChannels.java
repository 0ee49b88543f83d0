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
 * straight to the address. In a cluster every such message is published to one relay address, heard once by each
 * node, which publishes it again to its own listeners only.
 *
 * <p>Why: before delivering to an address, a clustered Vert.x asks Hazelcast which nodes listen to it, and keeps the
 * answer only when some node does. Most of these addresses have no listener most of the time (a ticket whose visitor
 * has no page open, a counter whose tablet is not connected, a site no supervisor watches), so each of those
 * messages cost a Hazelcast lookup on a worker thread, often on the other node. The relay's address always has a
 * listener on every node, so its answer is kept.
 */
public final class LiveChannels {

    private static final String TO = "to";
    private static final Pattern BROWSER_ADDRESS = Pattern.compile(ListenPermissions.OUTBOUND_REGEX);
    private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);

    private final EventBus eventBus;
    private final boolean clustered;

    public LiveChannels(Vertx vertx) {
        this.eventBus = vertx.eventBus();
        this.clustered = vertx.isClustered();
    }

    public void publish(String address, JsonObject body) {
        if (clustered) {
            eventBus.publish(Addresses.LIVE_RELAY, body, new DeliveryOptions().addHeader(TO, address));
        } else {
            eventBus.publish(address, body);
        }
    }

    /**
     * This node's end of the relay, to register once per node and unregister when the node stops. It passes on only
     * what browsers may hear, never an internal announcement, and shows each message to {@code overhearing} (the
     * address and the body, not to be changed) before.
     */
    public MessageConsumer<JsonObject> relay(BiConsumer<String, JsonObject> overhearing) {
        return eventBus.consumer(Addresses.LIVE_RELAY, message -> {
            String address = message.headers().get(TO);
            if (address != null && BROWSER_ADDRESS.matcher(address).matches()) {
                overhearing.accept(address, message.body());
                eventBus.publish(address, message.body(), LOCAL);
            }
        });
    }
}
