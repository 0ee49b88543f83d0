package org.guichet.server.service;

import io.vertx.core.Future;
import org.guichet.server.domain.Catalog;
import org.guichet.server.store.CatalogStore;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The current deployment, held in memory so that issuing and calling never query configuration. Read from any thread;
 * replaced whole after each change, here and (through {@link Announcements}) on every other server instance.
 */
public final class Catalogs {

    private final CatalogStore store;
    private final Announcements announcements;
    private final CatalogEvents events;
    private final AtomicReference<Catalog> current = new AtomicReference<>(Catalog.empty());

    public Catalogs(CatalogStore store, Announcements announcements, CatalogEvents events) {
        this.store = store;
        this.announcements = announcements;
        this.events = events;
    }

    public Catalog get() {
        return current.get();
    }

    /** Reads the deployment again and tells {@link CatalogEvents} what it replaced. */
    public Future<Catalog> reload() {
        return store.load().onSuccess(next -> events.catalogReplaced(current.getAndSet(next), next));
    }

    /** After a change of the deployment: reload here, then tell every instance to reload. */
    public Future<Catalog> changed() {
        return reload().onSuccess(catalog -> announcements.catalogChanged());
    }
}
