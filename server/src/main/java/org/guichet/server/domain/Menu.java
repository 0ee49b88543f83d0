package org.guichet.server.domain;

import java.time.Instant;
import java.util.List;

/**
 * A kiosk's menu: the site's active entries as a tree (services, sub-menus, orientation entries), in menu order, and
 * whether the site issues tickets at the time it was read.
 */
public record Menu(Catalog.Site site, List<Entry> entries, OpeningCalendar.Status opening, Instant readAt) {

    public record Entry(Catalog.Service service, List<Entry> children) {
    }

    public static Menu of(Catalog catalog, String siteId, Instant now) {
        Catalog.Site site = catalog.site(siteId);
        return new Menu(site, children(catalog, siteId, null), site.openingAt(now), now);
    }

    private static List<Entry> children(Catalog catalog, String siteId, String parentId) {
        return catalog.servicesOf(siteId).stream()
                .filter(Catalog.Service::active)
                .filter(service -> parentId == null ? service.parentId() == null : parentId.equals(service.parentId()))
                .map(service -> new Entry(service, children(catalog, siteId, service.id())))
                .toList();
    }
}
