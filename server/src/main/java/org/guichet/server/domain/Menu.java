package org.guichet.server.domain;

import java.util.List;

/**
 * A kiosk's menu: the site's active entries as a tree (services, sub-menus, orientation entries), in menu order.
 */
public record Menu(Catalog.Site site, List<Entry> entries) {

    public record Entry(Catalog.Service service, List<Entry> children) {
    }

    public static Menu of(Catalog catalog, String siteId) {
        return new Menu(catalog.site(siteId), children(catalog, siteId, null));
    }

    private static List<Entry> children(Catalog catalog, String siteId, String parentId) {
        return catalog.servicesOf(siteId).stream()
                .filter(Catalog.Service::active)
                .filter(service -> parentId == null ? service.parentId() == null : parentId.equals(service.parentId()))
                .map(service -> new Entry(service, children(catalog, siteId, service.id())))
                .toList();
    }
}
