package org.guichet.server.testing;

import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.CallingPolicy;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.OpeningCalendar;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** A small in-memory deployment for pure tests: sites s1 (Paris) and s2 (Nouméa). */
public final class TestCatalog {

    private TestCatalog() {
    }

    public static Catalog twoSites() {
        Catalog.Site s1 = new Catalog.Site("s1", "Site Un", ZoneId.of("Europe/Paris"), OpeningCalendar.ALWAYS_OPEN,
                CallingPolicy.DEFAULT, null);
        Catalog.Site s2 = new Catalog.Site("s2", "Site Deux", ZoneId.of("Pacific/Noumea"), OpeningCalendar.ALWAYS_OPEN,
                CallingPolicy.DEFAULT, null);
        return new Catalog(
                Map.of("s1", s1, "s2", s2),
                Map.of("r1", new Catalog.Room("r1", "s1", "Salle 1"), "r2", new Catalog.Room("r2", "s2", "Salle 2")),
                Map.of("svc-a", service("svc-a", "s1", "service", "A", "r1", 20),
                        "svc-b", service("svc-b", "s1", "service", "B", "r1", 10),
                        "m1", service("m1", "s1", "menu", null, null, 15),
                        "svc-z", service("svc-z", "s2", "service", "Z", "r2", 15)),
                Map.of("c1", new Catalog.Counter("c1", "s1", "r1", "Guichet 1", List.of("svc-a", "svc-b"), true),
                        "z1", new Catalog.Counter("z1", "s2", "r2", "Guichet Z", List.of("svc-z"), true)));
    }

    private static Catalog.Service service(String id, String site, String kind, String prefix, String room,
                                           int target) {
        return new Catalog.Service(id, site, null, kind, "Service " + id, new JsonObject(), prefix, room, target, 0,
                null, true);
    }
}
