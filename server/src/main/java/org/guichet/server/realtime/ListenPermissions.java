package org.guichet.server.realtime;

import org.guichet.server.domain.AccessPolicy.Action;
import org.guichet.server.domain.AccessPolicy.Scope;
import org.guichet.server.domain.AccessPolicy;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.Principal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which event-bus addresses a browser may listen to through the bridge. A visitor's ticket channel needs no token (its
 * address holds an unguessable token); every other address belongs to one site's room, counter, queue or alerts, and
 * {@link AccessPolicy} decides who may hear it.
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
        Matcher room = ROOM.matcher(address);
        if (room.matches()) {
            Catalog.Room found = catalog.rooms().get(room.group(1));
            return found != null && AccessPolicy.allows(principal, Action.LISTEN_ROOM,
                    Scope.room(found.siteId(), found.id()));
        }
        Matcher counter = COUNTER.matcher(address);
        if (counter.matches()) {
            Catalog.Counter found = catalog.counters().get(counter.group(1));
            return found != null && AccessPolicy.allows(principal, Action.LISTEN_COUNTER,
                    Scope.counter(found.siteId(), found.id()));
        }
        Matcher queue = SITE_QUEUE.matcher(address);
        if (queue.matches()) {
            return catalog.sites().containsKey(queue.group(1))
                   && AccessPolicy.allows(principal, Action.LISTEN_SITE_QUEUE, Scope.site(queue.group(1)));
        }
        Matcher alerts = SITE_ALERTS.matcher(address);
        if (alerts.matches()) {
            return catalog.sites().containsKey(alerts.group(1))
                   && AccessPolicy.allows(principal, Action.LISTEN_ALERTS, Scope.site(alerts.group(1)));
        }
        return false;
    }
}
