package org.guichet.server.realtime;

import org.guichet.server.domain.Principal;
import org.guichet.server.domain.Role;
import org.guichet.server.domain.Catalog;

import java.util.regex.Pattern;

/**
 * Which event-bus addresses a browser may listen to through the bridge. A visitor's ticket channel needs no token (its
 * address holds an unguessable token); everything else belongs to one site and needs a principal covering it:
 * a waiting-room screen hears its own room and its site's queue, a counter-top screen its own counter, a kiosk its
 * site's queue, an agent the rooms, counters and queues of its sites, a supervisor also the alerts of its sites.
 */
public final class ListenPermissions {

    /** What the bridge lets out at all; internal addresses never match. */
    public static final String OUTBOUND_REGEX = "guichet\\.(room|counter|site|ticket)\\..+";

    private static final Pattern TICKET = Pattern.compile("guichet\\.ticket\\.[A-Za-z0-9_-]{16,64}");
    private static final Pattern ROOM = Pattern.compile("guichet\\.room\\.([^.]+)");
    private static final Pattern COUNTER = Pattern.compile("guichet\\.counter\\.([^.]+)");
    private static final Pattern SITE_QUEUE = Pattern.compile("guichet\\.site\\.([^.]+)\\.queue");
    private static final Pattern SITE_ALERTS = Pattern.compile("guichet\\.site\\.([^.]+)\\.alerts");

    private ListenPermissions() {
    }

    /** True when the visitor's ticket channel is asked for: no token is needed. */
    public static boolean isPublic(String address) {
        return address != null && TICKET.matcher(address).matches();
    }

    /**
     * @param principal who registers, or null when no (valid) token came with the register frame
     * @param catalog   the current deployment, to find the site of a room or counter
     */
    public static boolean mayListen(Principal principal, String address, Catalog catalog) {
        if (address == null) {
            return false;
        }
        if (isPublic(address)) {
            return true;
        }
        if (principal == null) {
            return false;
        }
        var room = ROOM.matcher(address);
        if (room.matches()) {
            return mayListenToRoom(principal, catalog.rooms().get(room.group(1)));
        }
        var counter = COUNTER.matcher(address);
        if (counter.matches()) {
            return mayListenToCounter(principal, catalog.counters().get(counter.group(1)));
        }
        var queue = SITE_QUEUE.matcher(address);
        if (queue.matches()) {
            return mayListenToSiteQueue(principal, catalog.sites().get(queue.group(1)));
        }
        var alerts = SITE_ALERTS.matcher(address);
        if (alerts.matches()) {
            Catalog.Site site = catalog.sites().get(alerts.group(1));
            return site != null && principal.isAgent() && principal.role().atLeast(Role.SUPERVISOR)
                    && principal.coversSite(site.id());
        }
        return false;
    }

    private static boolean mayListenToRoom(Principal principal, Catalog.Room room) {
        if (room == null) {
            return false;
        }
        if (principal.isAgent()) {
            return principal.coversSite(room.siteId());
        }
        return principal.isDevice("screen") && room.id().equals(principal.roomId())
                && principal.coversSite(room.siteId());
    }

    private static boolean mayListenToCounter(Principal principal, Catalog.Counter counter) {
        if (counter == null) {
            return false;
        }
        if (principal.isAgent()) {
            return principal.coversSite(counter.siteId());
        }
        return principal.isDevice("counter_screen") && counter.id().equals(principal.counterId())
                && principal.coversSite(counter.siteId());
    }

    private static boolean mayListenToSiteQueue(Principal principal, Catalog.Site site) {
        if (site == null) {
            return false;
        }
        if (principal.isAgent()) {
            return principal.coversSite(site.id());
        }
        return (principal.isDevice("screen") || principal.isDevice("kiosk")) && principal.coversSite(site.id());
    }
}
