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
    private final AtomicReference<Catalog> current = new AtomicReference<>(Catalog.empty());

    public Catalogs(CatalogStore store, Announcements announcements) {
        this.store = store;
        this.announcements = announcements;
    }

    public Catalog get() {
        return current.get();
    }

    public Future<Catalog> reload() {
        return store.load().onSuccess(current::set);
    }

    /** After a change of the deployment: reload here, then tell every instance to reload. */
    public Future<Catalog> changed() {
        return reload().onSuccess(catalog -> announcements.catalogChanged());
    }
}
