package org.guichet.server.http;

import org.guichet.server.domain.Failure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.Role;
import org.guichet.server.domain.Languages;
import org.guichet.server.domain.Ticket;
import org.guichet.server.domain.ServiceDay;
import org.guichet.server.realtime.QueuePublisher;
import org.guichet.server.realtime.QueueSummaries;
import org.guichet.server.domain.Catalog;
import org.guichet.server.store.CatalogStore;

import java.time.Clock;

/** Sites, their kiosk menu, their queue, and what a waiting room's screens show. */
public final class SiteRoutes {

    static final String SELECT_RECENT_CALLS = "SELECT " + Ticket.COLUMNS + """
             FROM ticket
            WHERE room_id = $1 AND service_day = $2 AND called_at IS NOT NULL
              AND status IN ('CALLED', 'SERVING', 'DONE', 'NO_SHOW', 'TRANSFERRED')
            ORDER BY called_at DESC
            LIMIT $3""";

    private final CatalogStore catalogs;
    private final QueueSummaries summaries;
    private final Pool pool;
    private final Clock clock;

    public SiteRoutes(CatalogStore catalogs, QueueSummaries summaries, Pool pool, Clock clock) {
        this.catalogs = catalogs;
        this.summaries = summaries;
        this.pool = pool;
        this.clock = clock;
    }

    public void mount(Router api) {
        api.get("/sites").handler(this::list);
        api.get("/sites/:siteId").handler(this::get);
        api.get("/sites/:siteId/menu").handler(this::menu);
        api.get("/sites/:siteId/queue").handler(this::queue);
        api.get("/rooms/:roomId/display").handler(this::display);
    }

    private void list(RoutingContext ctx) {
        Principal principal = Reply.principal(ctx);
        JsonArray sites = new JsonArray();
        catalogs.get().sites().values().stream()
                .filter(site -> principal.coversSite(site.id()))
                .sorted(java.util.Comparator.comparing(Catalog.Site::id))
                .forEach(site -> sites.add(siteJson(site)));
        Reply.send(ctx, 200, sites);
    }

    private void get(RoutingContext ctx) {
        Catalog catalog = catalogs.get();
        Catalog.Site site = catalog.site(ctx.pathParam("siteId"));
        Reply.principal(ctx).requireSite(site.id());
        JsonArray rooms = new JsonArray();
        catalog.roomsOf(site.id()).forEach(room -> rooms.add(new JsonObject().put("id", room.id())
                .put("name", room.name())));
        JsonArray counters = new JsonArray();
        catalog.countersOf(site.id()).forEach(counter -> counters.add(new JsonObject().put("id", counter.id())
                .put("name", counter.name()).put("roomId", counter.roomId()).put("active", counter.active())
                .put("serviceIds", new JsonArray(counter.serviceIds()))));
        Reply.send(ctx, 200, siteJson(site).put("rooms", rooms).put("counters", counters)
                .put("services", menuEntries(catalog, site.id(), null)));
    }

    /** The kiosk menu: a tree of services, sub-menus and orientation entries with their translations. */
    private void menu(RoutingContext ctx) {
        Catalog catalog = catalogs.get();
        Catalog.Site site = catalog.site(ctx.pathParam("siteId"));
        Reply.principal(ctx).requireSite(site.id());
        Reply.send(ctx, 200, new JsonObject().put("site", siteJson(site))
                .put("languages", new JsonArray(Languages.VISITOR))
                .put("entries", menuEntries(catalog, site.id(), "root")));
    }

    private void queue(RoutingContext ctx) {
        String siteId = catalogs.get().site(ctx.pathParam("siteId")).id();
        Reply.principal(ctx).requireSite(siteId);
        Reply.json(ctx, summaries.summary(siteId));
    }

    /** What a waiting-room screen needs after (re)connecting: the last calls and the waiting counts. */
    private void display(RoutingContext ctx) {
        Catalog catalog = catalogs.get();
        Catalog.Room room = catalog.room(ctx.pathParam("roomId"));
        Principal principal = Reply.principal(ctx);
        if (principal.isAgent()) {
            principal.requireAgent(Role.AGENT, room.siteId());
        } else if (!principal.isDevice("screen") || !room.id().equals(principal.roomId())) {
            throw Failure.notAllowed("This screen is registered for another waiting room.");
        }
        Catalog.Site site = catalog.site(room.siteId());
        Reply.json(ctx, pool.preparedQuery(SELECT_RECENT_CALLS)
                .execute(Tuple.of(room.id(), ServiceDay.of(clock.instant(), site.zone()), 8))
                .compose(rows -> {
                    JsonArray calls = new JsonArray();
                    rows.forEach(row -> {
                        Ticket ticket = Ticket.from(row);
                        calls.add(QueuePublisher.forScreens(ticket.toJson(catalog.service(ticket.serviceId()).name(),
                                catalog.counterName(ticket.counterId()), false)));
                    });
                    return summaries.summary(site.id()).map(summary -> new JsonObject()
                            .put("room", new JsonObject().put("id", room.id()).put("name", room.name()))
                            .put("site", siteJson(site))
                            .put("recentCalls", calls)
                            .put("queue", summary.getJsonObject("rooms").getJsonObject(room.id())));
                }));
    }

    static JsonObject siteJson(Catalog.Site site) {
        return new JsonObject().put("id", site.id()).put("name", site.name()).put("timeZone", site.zone().getId())
                .put("openingHours", site.openingHours()).put("footer", site.footer())
                .put("callingPolicy", site.policy().toJson());
    }

    private static JsonArray menuEntries(Catalog catalog, String siteId, String parentFilter) {
        JsonArray entries = new JsonArray();
        for (Catalog.Service service : catalog.servicesOf(siteId)) {
            if (!service.active()) {
                continue;
            }
            if ("root".equals(parentFilter) && service.parentId() != null) {
                continue;
            }
            if (parentFilter != null && !"root".equals(parentFilter) && !parentFilter.equals(service.parentId())) {
                continue;
            }
            JsonObject entry = new JsonObject()
                    .put("id", service.id())
                    .put("kind", service.kind())
                    .put("name", service.name())
                    .put("translations", service.translations())
                    .put("parentId", service.parentId())
                    .put("prefix", service.prefix())
                    .put("roomId", service.roomId())
                    .put("targetWaitMinutes", service.targetWaitMinutes())
                    .put("orientation", service.orientation());
            if (parentFilter != null) {
                JsonArray children = menuEntries(catalog, siteId, service.id());
                if (!children.isEmpty()) {
                    entry.put("children", children);
                }
            }
            entries.add(entry);
        }
        return entries;
    }
}
