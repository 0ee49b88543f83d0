package org.guichet.server.realtime;

/** Event-bus addresses browsers may listen to through the bridge; everything else stays inside the server. */
public final class Addresses {

    public static final String ROOM_PREFIX = "guichet.room.";
    public static final String COUNTER_PREFIX = "guichet.counter.";
    public static final String SITE_PREFIX = "guichet.site.";
    public static final String TICKET_PREFIX = "guichet.ticket.";

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

    public static String ticket(String statusToken) {
        return TICKET_PREFIX + statusToken;
    }
}
