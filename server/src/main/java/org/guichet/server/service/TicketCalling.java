package org.guichet.server.service;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.guichet.server.domain.AccessPolicy.Action;
import org.guichet.server.domain.AccessPolicy;
import org.guichet.server.domain.CallingOrder;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.CounterState;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.ServiceDay;
import org.guichet.server.domain.Ticket;
import org.guichet.server.domain.TicketAction;
import org.guichet.server.domain.WaitingTicket;
import org.guichet.server.store.CounterStore;
import org.guichet.server.store.TicketStore;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Calling a visitor to a counter: the next one in the pure {@link CallingOrder}, or a chosen one out of order. Only
 * the agent holding an open counter calls to it.
 */
public final class TicketCalling {

    /** Tickets offered to the lock statement, in calling order; if other counters hold all of them, we read again. */
    static final int LOCK_CANDIDATES = 32;
    /** How many times the candidates are read again when other counters took every one of them meanwhile. */
    static final int MAX_ATTEMPTS = 21;
    /**
     * The pause before reading them again, growing by this much per attempt after the second, up to
     * {@link #MOST_PAUSE_MILLIS}: candidates still locked are being called by other counters whose commits have not
     * come yet (they can take a hundred milliseconds on a loaded database), and reading again at once would only see
     * them waiting and locked again. About 0.7 s in all before answering "busy".
     */
    static final long PAUSE_STEP_MILLIS = 5;
    static final long MOST_PAUSE_MILLIS = 50;
    /**
     * Normal tickets read per service at the first attempt, doubled at each next one up to {@link #MOST_PER_SERVICE}:
     * enough for the tickets other counters are calling at the same moment, few enough that a counter of 20 services
     * does not read 400 rows to call one.
     */
    static final int FIRST_PER_SERVICE = 8;
    static final int MOST_PER_SERVICE = 64;

    private final Vertx vertx;
    private final TicketStore tickets;
    private final CounterStore counters;
    private final Catalogs catalogs;
    private final TicketTransitions transitions;
    private final Clock clock;
    private final TicketEvents events;

    public TicketCalling(Vertx vertx, TicketStore tickets, CounterStore counters, Catalogs catalogs,
                         TicketTransitions transitions, Clock clock, TicketEvents events) {
        this.vertx = vertx;
        this.tickets = tickets;
        this.counters = counters;
        this.catalogs = catalogs;
        this.transitions = transitions;
        this.clock = clock;
        this.events = events;
    }

    /** Calls the next ticket for a counter, or empty when nobody is waiting for it. */
    public Future<Optional<Ticket>> callNext(Principal principal, String counterId) {
        Catalog.Counter counter = catalogs.get().counter(counterId);
        AccessPolicy.require(principal, Action.CALL_TICKET, AccessPolicy.Scope.site(counter.siteId()));
        return callNextAttempt(principal, counter, 1);
    }

    /** Calls one given waiting ticket, out of order. */
    public Future<Ticket> callTicket(Principal principal, long ticketId, String counterId) {
        Catalog.Counter counter = catalogs.get().counter(counterId);
        return requireOpenBy(principal, counter).compose(agentId -> transitions.load(ticketId).compose(ticket -> {
            if (!ticket.siteId().equals(counter.siteId())) {
                throw Failure.notAllowed("Ticket " + ticket.number() + " belongs to another site.");
            }
            return transitions.apply(ticket, TicketAction.CALL, counter.id(), agentId, null);
        }));
    }

    /** Each attempt reads the counter's state with the candidates (one statement) and checks it again. */
    private Future<Optional<Ticket>> callNextAttempt(Principal principal, Catalog.Counter counter, int attempt) {
        Catalog catalog = catalogs.get();
        Catalog.Site site = catalog.site(counter.siteId());
        Instant now = clock.instant();
        int perService = Math.min(FIRST_PER_SERVICE << Math.min(attempt - 1, 16), MOST_PER_SERVICE);
        return tickets.candidates(site.id(), counter.serviceIds().toArray(String[]::new), counter.id(),
                        ServiceDay.of(now, site.zone()), perService, catalog::targetWait)
                .compose(candidates -> {
                    long agentId = requireOpenBy(principal, counter, candidates.counterStatus(),
                            candidates.counterAgentId());
                    List<WaitingTicket> ordered = new CallingOrder(site.policy())
                            .order(candidates.waiting(), counter.id(), counter.serviceIds(), now);
                    if (ordered.isEmpty()) {
                        return Future.succeededFuture(Optional.<Ticket>empty());
                    }
                    // The head of the order is enough: more would only lengthen the lock statement's work.
                    Long[] ids = CallingOrder.certainHead(ordered, perService).stream().limit(LOCK_CANDIDATES)
                            .map(WaitingTicket::id).toArray(Long[]::new);
                    return tickets.callFirstUnlocked(ids, counter.id(), agentId, now).compose(called -> {
                        if (called.isPresent()) {
                            events.ticketChanged(called.get(), TicketAction.CALL);
                            return Future.succeededFuture(called);
                        }
                        if (attempt < MAX_ATTEMPTS) {
                            return pause(attempt).compose(paused -> callNextAttempt(principal, counter, attempt + 1));
                        }
                        return Future.failedFuture(Failure.conflict("busy",
                                "Other counters are calling the same tickets; please try again."));
                    });
                });
    }

    /** None after the first attempt (others took the candidates: new ones wait), then longer each time. */
    private Future<Void> pause(int attempt) {
        long millis = Math.min(PAUSE_STEP_MILLIS * (attempt - 1), MOST_PAUSE_MILLIS);
        if (millis == 0) {
            return Future.succeededFuture();
        }
        Promise<Void> paused = Promise.promise();
        vertx.setTimer(millis, id -> paused.complete());
        return paused.future();
    }

    /** The agent's id, once the counter is known to be open and held by this agent. */
    Future<Long> requireOpenBy(Principal principal, Catalog.Counter counter) {
        AccessPolicy.require(principal, Action.CALL_TICKET, AccessPolicy.Scope.site(counter.siteId()));
        return counters.states(counter.id()).map(states -> {
            CounterStore.StateRow found = states.get(counter.id());
            return requireOpenBy(principal, counter, found == null ? null : found.status(),
                    found == null ? null : found.agentId());
        });
    }

    /** The agent's id if the counter's stored status (null: never opened) is open by this agent; a conflict if not. */
    private static long requireOpenBy(Principal principal, Catalog.Counter counter, String storedStatus,
                                      Long holderId) {
        String status = storedStatus == null ? CounterState.CLOSED : storedStatus;
        if (!CounterState.OPEN.equals(status)) {
            throw Failure.conflict("counter_not_open", counter.name() + " is " + status.toLowerCase(Locale.ROOT)
                    + "; open it before calling.");
        }
        if (!principal.agentId().equals(holderId)) {
            throw Failure.conflict("counter_taken", counter.name() + " is open by another agent.");
        }
        return principal.agentId();
    }
}
