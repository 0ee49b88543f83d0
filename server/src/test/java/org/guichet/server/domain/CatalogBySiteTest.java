package org.guichet.server.domain;

import org.guichet.server.testing.TestCatalog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogBySiteTest {

    private final Catalog catalog = TestCatalog.twoSites();

    @Test
    void a_sites_services_are_its_own_in_menu_order_then_by_id() {
        // All three have menu order 0 in the test catalog: then by id.
        assertThat(catalog.servicesOf("s1")).extracting(Catalog.Service::id).containsExactly("m1", "svc-a", "svc-b");
        assertThat(catalog.servicesOf("s2")).extracting(Catalog.Service::id).containsExactly("svc-z");
    }

    @Test
    void a_sites_rooms_and_counters_are_its_own() {
        assertThat(catalog.roomsOf("s1")).extracting(Catalog.Room::id).containsExactly("r1");
        assertThat(catalog.countersOf("s2")).extracting(Catalog.Counter::id).containsExactly("z1");
    }

    @Test
    void a_site_with_nothing_or_unknown_has_empty_lists() {
        assertThat(catalog.servicesOf("nowhere")).isEmpty();
        assertThat(catalog.roomsOf("nowhere")).isEmpty();
        assertThat(Catalog.empty().countersOf("s1")).isEmpty();
    }
}
