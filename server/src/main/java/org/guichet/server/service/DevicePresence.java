package org.guichet.server.service;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which devices hold a live event-bus connection to this server instance, counted per device: a screen opened in a
 * second tab with the same token is a second connection, and closing it leaves the device connected while the first is
 * open. The bridge tells of each device socket opened and closed over the local event bus ({@link #ADDRESS}); the alert
 * check reads the counts.
 * <p>
 * Counts are this instance's: a device connected to another instance is unknown here ({@link #connectedHere} answers
 * null), and the device's own report decides for it.
 */
public final class DevicePresence {

    /** Local only: {"deviceId": ..., "open": true|false} for each device socket opened or closed on this instance. */
    public static final String ADDRESS = "guichet.internal.device.presence";
    private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);

    private final Map<String, Integer> liveSockets = new ConcurrentHashMap<>();
    private final Set<String> seenHere = ConcurrentHashMap.newKeySet();
    private final MessageConsumer<JsonObject> consumer;

    public DevicePresence(Vertx vertx) {
        this.consumer = vertx.eventBus().localConsumer(ADDRESS, message -> {
            JsonObject body = message.body();
            if (body.getBoolean("open", false)) {
                opened(body.getString("deviceId"));
            } else {
                closed(body.getString("deviceId"));
            }
        });
    }

    /** What the bridge calls: tells this instance's presence that a device socket opened or closed. */
    public static void tell(Vertx vertx, String deviceId, boolean open) {
        vertx.eventBus().publish(ADDRESS, new JsonObject().put("deviceId", deviceId).put("open", open), LOCAL);
    }

    void opened(String deviceId) {
        seenHere.add(deviceId);
        liveSockets.merge(deviceId, 1, Integer::sum);
    }

    void closed(String deviceId) {
        liveSockets.computeIfPresent(deviceId, (id, sockets) -> sockets > 1 ? sockets - 1 : null);
    }

    /** The device's live connections to this instance. */
    public int liveConnections(String deviceId) {
        return liveSockets.getOrDefault(deviceId, 0);
    }

    /**
     * True while the device has a live connection here; false once the last one it opened here has closed; null when
     * it has not connected here since this instance started.
     */
    public Boolean connectedHere(String deviceId) {
        if (liveConnections(deviceId) > 0) {
            return true;
        }
        return seenHere.contains(deviceId) ? false : null;
    }

    public void close() {
        consumer.unregister();
    }
}
