package org.guichet.server.realtime;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.Catalog;
import org.guichet.server.service.CatalogEvents;
import org.guichet.server.service.Sites;
import org.guichet.server.view.SiteView;

import java.time.Clock;
import java.util.Objects;

/**
 * Tells the screens of a site whose set-up changed (a room, service or counter renamed, added, moved; the site's
 * name, footer or hours) to read their state again: {@code {"type": "catalog", "at": …}} on each of its rooms' and
 * counters' channels, nothing more, so a screen learns nothing it may not know. Each instance tells only the screens
 * connected to it (local delivery), once it has its new catalog itself, so that what they read again is new.
 */
public final class CatalogPublisher implements CatalogEvents {

    private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);

    private final EventBus eventBus;
    private final Clock clock;

    public CatalogPublisher(EventBus eventBus, Clock clock) {
        this.eventBus = eventBus;
        this.clock = clock;
    }

    @Override
    public void catalogReplaced(Catalog before, Catalog after) {
        if (before.sites().isEmpty()) {
            return;     // the first read at start: no screen is connected yet
        }
        JsonObject message = new JsonObject().put("type", "catalog").put("at", clock.instant().toString());
        after.sites().keySet().forEach(siteId -> {
            if (!Objects.equals(screenContent(before, siteId), screenContent(after, siteId))) {
                after.roomsOf(siteId).forEach(room -> eventBus.publish(Addresses.room(room.id()), message, LOCAL));
                after.countersOf(siteId).forEach(counter ->
                        eventBus.publish(Addresses.counter(counter.id()), message, LOCAL));
            }
        });
    }

    /** All of a site's set-up a screen may show, or null when the catalog has no such site. */
    private static JsonObject screenContent(Catalog catalog, String siteId) {
        Catalog.Site site = catalog.sites().get(siteId);
        return site == null ? null : SiteView.layout(new Sites.Layout(site, catalog.roomsOf(siteId),
                catalog.countersOf(siteId), catalog.servicesOf(siteId)));
    }
}
