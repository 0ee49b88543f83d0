package org.guichet.server.realtime;

/**
 * Event-bus addresses. Browsers may listen, through the bridge, to those under {@code guichet.room|counter|site|ticket}
 * (see {@link ListenPermissions}); the internal ones, between server instances, never reach a browser.
 */
public final class Addresses {

    public static final String ROOM_PREFIX = "guichet.room.";
    public static final String COUNTER_PREFIX = "guichet.counter.";
    public static final String SITE_PREFIX = "guichet.site.";
    public static final String TICKET_PREFIX = "guichet.ticket.";

    /** Every instance reloads its catalog. */
    public static final String CATALOG_CHANGED = "guichet.internal.catalog.changed";
    /**
     * Body: the hex SHA-256 of a token that stopped being valid, published on one node only (local delivery) once
     * that node has forgotten it: its bridges close the sockets opened with it.
     */
    public static final String CREDENTIALS_REVOKED = "guichet.internal.auth.revoked";
    /**
     * Followed by a node's id, the address where that node hears revocations (body: an array of token keys) and
     * answers once it has forgotten them (see {@link InternalBus#credentialsRevoked}).
     */
    public static final String CREDENTIALS_REVOKED_ON_NODE = "guichet.internal.auth.revoked.node.";
    /**
     * Followed by a node's id, where that node hears the other nodes' messages for browsers, in a cluster, and passes
     * them on to its own listeners (see LiveChannels).
     */
    public static final String LIVE_RELAY = "guichet.internal.live.node.";
    /**
     * The sites whose waiting counts changed through a node (body: an array of site ids, once per flush), for the
     * other nodes to read and publish them to their own screens (see SummaryPublisher).
     */
    public static final String WAITING_COUNTS_CHANGED = "guichet.internal.queue.changed";
    /** Each node's live device connections, for the other nodes' alerts (see service.DevicePresence). */
    public static final String DEVICE_PRESENCE = "guichet.internal.devices.presence";

    private Addresses() {
    }

    public static String room(String roomId) {
        return ROOM_PREFIX + roomId;
    }

    public static String counter(String counterId) {
        return COUNTER_PREFIX + counterId;
    }

    public static String siteQueue(String siteId) {
        return SITE_PREFIX + siteId + ".queue";
    }

    public static String siteAlerts(String siteId) {
        return SITE_PREFIX + siteId + ".alerts";
    }

    public static String ticket(String statusToken) {
        return TICKET_PREFIX + statusToken;
    }
}
