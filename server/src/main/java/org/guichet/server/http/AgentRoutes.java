package org.guichet.server.http;

import org.guichet.server.domain.Failure;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.Role;
import org.guichet.server.domain.ServiceDay;
import org.guichet.server.domain.stats.AgentDay;
import org.guichet.server.domain.Catalog;
import org.guichet.server.store.CatalogStore;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** What the logged-in agent did today, for the counter tablet's "my day" panel. */
public final class AgentRoutes {

    /** Every event of the tickets the agent acted on during the service day ($3 inclusive to $4 exclusive). */
    static final String SELECT_EVENTS_OF_AGENT_TICKETS = """
            SELECT e.ticket_id, e.kind, e.at, e.counter_id, e.agent_id
            FROM ticket_event e
            WHERE e.ticket_id IN (SELECT DISTINCT ticket_id FROM ticket_event
                                  WHERE agent_id = $1 AND site_id = $2 AND at >= $3 AND at < $4)
            ORDER BY e.ticket_id, e.id""";

    private final CatalogStore catalogs;
    private final Pool pool;
    private final Clock clock;

    public AgentRoutes(CatalogStore catalogs, Pool pool, Clock clock) {
        this.catalogs = catalogs;
        this.pool = pool;
        this.clock = clock;
    }

    public void mount(Router api) {
        api.get("/agents/me/today").handler(this::today);
    }

    /** ?siteId= may be left out by an agent of a single site. */
    private void today(RoutingContext ctx) {
        Principal principal = Reply.principal(ctx);
        Catalog.Site site = catalogs.get().site(siteOf(principal, ctx.queryParams().get("siteId")));
        principal.requireAgent(Role.AGENT, site.id());
        Instant now = clock.instant();
        LocalDate day = ServiceDay.of(now, site.zone());
        OffsetDateTime from = day.atStartOfDay(site.zone()).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime to = day.plusDays(1).atStartOfDay(site.zone()).toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);
        Reply.json(ctx, pool.preparedQuery(SELECT_EVENTS_OF_AGENT_TICKETS)
                .execute(Tuple.of(principal.agentId(), site.id(), from, to))
                .map(rows -> {
                    List<AgentDay.Event> events = new ArrayList<>();
                    for (Row row : rows) {
                        events.add(new AgentDay.Event(row.getLong("ticket_id"), row.getString("kind"),
                                row.getOffsetDateTime("at").toInstant(), row.getString("counter_id"),
                                row.getLong("agent_id")));
                    }
                    return AgentDay.summarize(events, principal.agentId()).toJson()
                            .put("agentId", principal.agentId())
                            .put("siteId", site.id())
                            .put("serviceDay", day.toString())
                            .put("at", now.toString());
                }));
    }

    private static String siteOf(Principal principal, String requested) {
        if (!principal.isAgent()) {
            throw Failure.notAllowed("This needs an agent account, not a device.");
        }
        if (requested != null && !requested.isBlank()) {
            return requested;
        }
        if (principal.siteIds().size() != 1) {
            throw Failure.invalid("Give the site: /agents/me/today?siteId=...");
        }
        return principal.siteIds().iterator().next();
    }
}
