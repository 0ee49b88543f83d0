package org.guichet.server.service;

import io.vertx.core.Future;
import org.guichet.server.domain.Device;
import org.guichet.server.domain.stats.SatisfactionFigures;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.SatisfactionAnswer;
import org.guichet.server.domain.SatisfactionSettings;
import org.guichet.server.domain.Ticket;
import org.guichet.server.domain.stats.StatsQuery;
import org.guichet.server.domain.stats.StatsQueryParser;
import org.guichet.server.store.SatisfactionStore;
import org.guichet.server.store.TicketStore;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Visitors rate their visit once it is served: on the counter-top screen in front of them (a score, within minutes of
 * the end) or on their ticket's page (a score and a comment, while its link lives). Anonymous; one answer per ticket.
 * Supervisors read the figures of their sites; per agent only where the council switched it on.
 */
public final class SatisfactionSurvey {

    /** The answers of a scope: totals, groups, the latest comments, and the served visits they answer for. */
    public record Report(StatsQuery query, String by, SatisfactionFigures total, long served,
                         List<SatisfactionFigures> rows, List<SatisfactionFigures.Comment> comments,
                         boolean byAgentAllowed) {
    }

    static final int LATEST_COMMENTS = 20;
    private static final List<String> GROUPS = List.of("none", "site", "service", "counter", "agent");

    private final SatisfactionStore store;
    private final TicketStore tickets;
    private final TicketQueries queries;
    private final Catalogs catalogs;
    private final SatisfactionSettings settings;
    private final Clock clock;

    public SatisfactionSurvey(SatisfactionStore store, TicketStore tickets, TicketQueries queries, Catalogs catalogs,
                              SatisfactionSettings settings, Clock clock) {
        this.store = store;
        this.tickets = tickets;
        this.queries = queries;
        this.catalogs = catalogs;
        this.settings = settings;
        this.clock = clock;
    }

    /** A score from the counter-top screen of the counter where the visit just ended. */
    public Future<Void> fromCounterScreen(Principal screen, long ticketId, int score) {
        if (!screen.isDevice(Device.COUNTER_SCREEN)) {
            throw Failure.notAllowed("Only a counter-top screen rates a visit for its visitor.");
        }
        SatisfactionAnswer answer = new SatisfactionAnswer(score, null, SatisfactionAnswer.Channel.COUNTER_SCREEN);
        return tickets.load(ticketId).compose(found -> {
            Ticket ticket = found.orElseThrow(() -> Failure.notFound("No ticket " + ticketId + "."));
            if (!screen.counterId().equals(ticket.counterId())) {
                throw Failure.notAllowed("This visit did not end at this screen's counter.");
            }
            return record(ticket, answer);
        });
    }

    /** A score and comment from the visitor's own ticket page, found by its link's token. */
    public Future<Void> fromVisitorPage(String statusToken, int score, String comment) {
        SatisfactionAnswer answer = new SatisfactionAnswer(score, comment, SatisfactionAnswer.Channel.VISITOR_PAGE);
        return queries.visitorTicket(statusToken).compose(visitor -> record(visitor.ticket(), answer));
    }

    /** Whether the ticket has its answer already (the visitor page then thanks instead of asking). */
    public Future<Boolean> answered(long ticketId) {
        return store.answered(ticketId);
    }

    private Future<Void> record(Ticket ticket, SatisfactionAnswer answer) {
        Failure refusal = SatisfactionAnswer.refusal(ticket, answer.channel(), clock.instant());
        if (refusal != null) {
            throw refusal;
        }
        return store.answer(ticket.id(), answer, clock.instant()).map(stored -> {
            if (!stored) {
                throw Failure.conflict("already_rated", "This visit has been rated already.");
            }
            return null;
        });
    }

    /**
     * The figures of the statistics filters (from, to, siteId, serviceId, counterId) grouped {@code by} none, site,
     * service, counter or agent; by agent only where the council switched it on (403 otherwise).
     */
    public Future<Report> figures(Principal principal, Map<String, List<String>> params) {
        Map<String, List<String>> filters = new java.util.HashMap<>(params);
        filters.remove("by");
        StatsQuery query = new StatsQueryParser(catalogs.get(), principal, clock.instant()).parse(filters);
        if (query.roomId() != null || query.agentId() != null) {
            throw Failure.invalid("Satisfaction is filtered by site, service and counter only.");
        }
        List<String> given = params.get("by");
        String by = given == null || given.isEmpty() ? "none" : given.get(0);
        if (!GROUPS.contains(by)) {
            throw Failure.invalid("by must be one of " + String.join(", ", GROUPS) + ".");
        }
        if (by.equals("agent") && !settings.byAgent()) {
            throw Failure.notAllowed("satisfaction_by_agent_off",
                    "Satisfaction per agent is switched off (satisfaction.byAgent in the server's configuration).");
        }
        StatsQuery scope = query.withBy(StatsQuery.Breakdown.NONE);
        Future<List<SatisfactionFigures>> total = store.figures(scope, "none");
        Future<List<SatisfactionFigures>> rows = by.equals("none") ? total : store.figures(scope, by);
        Future<Long> served = store.served(scope);
        Future<List<SatisfactionFigures.Comment>> comments = store.latestComments(scope, LATEST_COMMENTS);
        return Future.all(total, rows, served, comments).map(done -> new Report(scope, by,
                total.result().isEmpty() ? SatisfactionFigures.none("all")
                        : total.result().get(0), served.result(), rows.result(), comments.result(),
                settings.byAgent()));
    }
}
