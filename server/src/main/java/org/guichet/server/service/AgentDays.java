package org.guichet.server.service;

import io.vertx.core.Future;
import org.guichet.server.domain.AccessPolicy.Action;
import org.guichet.server.domain.AccessPolicy;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.ServiceDay;
import org.guichet.server.domain.stats.AgentDay;
import org.guichet.server.store.TicketStore;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/** What the logged-in agent did today at a site, for the counter tablet's "my day" panel. */
public final class AgentDays {

    /** The agent's figures for the service day the site is in. */
    public record Today(long agentId, String siteId, LocalDate serviceDay, Instant at, AgentDay.Summary summary) {
    }

    private final TicketStore tickets;
    private final Catalogs catalogs;
    private final Clock clock;

    public AgentDays(TicketStore tickets, Catalogs catalogs, Clock clock) {
        this.tickets = tickets;
        this.catalogs = catalogs;
        this.clock = clock;
    }

    /** @param requestedSiteId may be left out by an agent of a single site */
    public Future<Today> today(Principal principal, String requestedSiteId) {
        AccessPolicy.require(principal, Action.READ_OWN_DAY, AccessPolicy.Scope.none());
        String siteId = requestedSiteId != null && !requestedSiteId.isBlank() ? requestedSiteId : principal.onlySite();
        if (siteId == null) {
            throw Failure.invalid("Give the site: /agents/me/today?siteId=...");
        }
        Catalog.Site site = catalogs.get().site(siteId);
        AccessPolicy.require(principal, Action.READ_OWN_DAY, AccessPolicy.Scope.site(site.id()));
        Instant now = clock.instant();
        LocalDate day = ServiceDay.of(now, site.zone());
        Instant from = day.atStartOfDay(site.zone()).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(site.zone()).toInstant();
        return tickets.eventsOfAgentTickets(principal.agentId(), site.id(), from, to).map(events -> new Today(
                principal.agentId(), site.id(), day, now, AgentDay.summarize(events, principal.agentId())));
    }
}
