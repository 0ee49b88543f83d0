package org.guichet.server.service;

import io.vertx.core.Future;
import org.guichet.server.domain.AccessPolicy.Action;
import org.guichet.server.domain.AccessPolicy;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.Menu;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.TrainingSites;
import org.guichet.server.domain.QueueSummary;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;

/** Sites as their agents and devices read them: the site, its layout, its kiosk menu, its queues. */
public final class Sites {

    /** A site with its rooms, counters and active menu entries (services, sub-menus, orientation), flat. */
    public record Layout(Catalog.Site site, List<Catalog.Room> rooms, List<Catalog.Counter> counters,
                         List<Catalog.Service> entries) {
    }

    private final Catalogs catalogs;
    private final QueueSummaries summaries;
    private final Clock clock;

    public Sites(Catalogs catalogs, QueueSummaries summaries, Clock clock) {
        this.catalogs = catalogs;
        this.summaries = summaries;
        this.clock = clock;
    }

    /** The sites the principal covers: the real ones, or with {@code training} their training copies. */
    public List<Catalog.Site> sites(Principal principal, boolean training) {
        return catalogs.get().sites().values().stream()
                .filter(site -> TrainingSites.isCopy(site.id()) == training)
                .filter(site -> AccessPolicy.allows(principal, Action.READ_SITE, AccessPolicy.Scope.site(site.id())))
                .sorted(Comparator.comparing(Catalog.Site::id))
                .toList();
    }

    public Layout layout(Principal principal, String siteId) {
        Catalog catalog = catalogs.get();
        Catalog.Site site = readable(principal, catalog, siteId);
        return new Layout(site, catalog.roomsOf(site.id()), catalog.countersOf(site.id()),
                catalog.servicesOf(site.id()).stream().filter(Catalog.Service::active).toList());
    }

    public Menu menu(Principal principal, String siteId) {
        Catalog catalog = catalogs.get();
        return Menu.of(catalog, readable(principal, catalog, siteId).id(), clock.instant());
    }

    public Future<QueueSummary> queue(Principal principal, String siteId) {
        return summaries.summary(readable(principal, catalogs.get(), siteId).id());
    }

    private static Catalog.Site readable(Principal principal, Catalog catalog, String siteId) {
        Catalog.Site site = catalog.site(siteId);
        AccessPolicy.require(principal, Action.READ_SITE, AccessPolicy.Scope.site(site.id()));
        return site;
    }
}
