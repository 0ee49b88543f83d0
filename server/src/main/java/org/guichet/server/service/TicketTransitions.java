package org.guichet.server.service;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.AccessPolicy.Action;
import org.guichet.server.domain.AccessPolicy;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.Partner;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.Ticket;
import org.guichet.server.domain.TicketAction;
import org.guichet.server.domain.TicketLifecycle;
import org.guichet.server.store.TicketStore;

import java.time.Clock;
import java.time.Instant;

/**
 * What an agent does to a ticket once it is called: recall, start, finish, no-show, back to the queue, transfer; and
 * cancelling a waiting one. Each is checked against {@link TicketLifecycle} and applied by one statement that only
 * matches while the ticket is still in a state the action is allowed from, so a concurrent change never slips an
 * illegal one through.
 */
public final class TicketTransitions {

    private final TicketStore tickets;
    private final Catalogs catalogs;
    private final Clock clock;
    private final TicketEvents events;
    private final CounterEvents counterEvents;

    public TicketTransitions(TicketStore tickets, Catalogs catalogs, Clock clock, TicketEvents events,
                             CounterEvents counterEvents) {
        this.tickets = tickets;
        this.catalogs = catalogs;
        this.clock = clock;
        this.events = events;
        this.counterEvents = counterEvents;
    }

    /**
     * What the agent says of a visit as it ends: in words ({@code outcome}, erased with notes by the retention), and as
     * codes that statistics count: one of its service's outcomes, and the partner the visitor was oriented to. Each may
     * be null.
     */
    public record Closing(String outcome, String outcomeId, Partner orientedTo) {

        public static final Closing NONE = new Closing(null, null, null);

        JsonObject eventData() {
            if (outcome == null && outcomeId == null && orientedTo == null) {
                return null;
            }
            JsonObject data = new JsonObject();
            if (outcome != null) {
                data.put("outcome", outcome);
            }
            if (outcomeId != null) {
                data.put("outcomeId", outcomeId);
            }
            if (orientedTo != null) {
                data.put("orientedTo", orientedTo.id());
            }
            return data;
        }
    }

    public Future<Ticket> recall(Principal principal, long ticketId) {
        return atItsCounter(principal, ticketId, TicketAction.RECALL, Closing.NONE);
    }

    public Future<Ticket> start(Principal principal, long ticketId) {
        return atItsCounter(principal, ticketId, TicketAction.START, Closing.NONE);
    }

    /** Ends a visit; an outcome code must be one its service offers (400 {@code unknown_outcome} otherwise). */
    public Future<Ticket> finish(Principal principal, long ticketId, Closing closing) {
        return atItsCounter(principal, ticketId, TicketAction.FINISH, closing).onSuccess(ticket -> {
            if (closing.orientedTo() != null && ticket.counterId() != null) {
                counterEvents.visitorOriented(ticket.counterId(), closing.orientedTo());
            }
        });
    }

    public Future<Ticket> noShow(Principal principal, long ticketId) {
        return atItsCounter(principal, ticketId, TicketAction.NO_SHOW, Closing.NONE);
    }

    /** Sends a called ticket back to the waiting list at its original place (arrival time unchanged). */
    public Future<Ticket> requeue(Principal principal, long ticketId) {
        return load(ticketId).compose(ticket -> {
            requireHolder(principal, ticket);
            return apply(ticket, TicketAction.REQUEUE, ticket.counterId(), principal.agentId(), null);
        });
    }

    public Future<Ticket> cancel(Principal principal, long ticketId) {
        return load(ticketId).compose(ticket -> {
            AccessPolicy.require(principal, Action.CANCEL_TICKET, AccessPolicy.Scope.site(ticket.siteId()));
            return apply(ticket, TicketAction.CANCEL, null, principal.agentId(), null);
        });
    }

    /**
     * Ends a called or served ticket as TRANSFERRED and creates its successor, WAITING in the target service (or for
     * the target counter), with the same number, status link and arrival time, carrying the agent's note. Answers
     * the successor.
     */
    public Future<Ticket> transfer(Principal principal, long ticketId, String targetServiceId, String targetCounterId,
                                   String note) {
        if ((targetServiceId == null) == (targetCounterId == null)) {
            throw Failure.invalid("Give exactly one of serviceId or counterId.");
        }
        Catalog catalog = catalogs.get();
        return load(ticketId).compose(ticket -> {
            requireHolder(principal, ticket);
            Catalog.Service service;
            String roomId;
            if (targetCounterId != null) {
                Catalog.Counter counter = catalog.counter(targetCounterId);
                if (!counter.siteId().equals(ticket.siteId())) {
                    throw Failure.invalid("Counter '" + targetCounterId + "' is at another site.");
                }
                service = catalog.service(ticket.serviceId());
                roomId = counter.roomId();
            } else {
                service = catalog.service(targetServiceId);
                if (!service.siteId().equals(ticket.siteId()) || !service.issuesTickets()) {
                    throw Failure.invalid("'" + targetServiceId + "' is not a service of this site.");
                }
                roomId = service.roomId();
            }
            requireLegal(ticket, TicketAction.TRANSFER);
            JsonObject data = new JsonObject().put("toServiceId", service.id()).put("toCounterId", targetCounterId)
                    .put("note", note);
            // The ticket leaves a counter, not a queue: only its successor's queue count changes (by the insert
            // trigger), so a transfer holds one count row, as any single insert does.
            return tickets.transfer(ticket.id(), clock.instant(), ticket.counterId(), principal.agentId(), data,
                            service.id(), roomId, targetCounterId, note)
                    .compose(pair -> {
                        if (pair.isEmpty()) {
                            return changedMeanwhile(ticket.id(), TicketAction.TRANSFER);
                        }
                        events.ticketTransferred(pair.get()[0], pair.get()[1], ticket.counterId());
                        return Future.succeededFuture(pair.get()[1]);
                    });
        });
    }

    public Future<Ticket> load(long ticketId) {
        return tickets.load(ticketId).map(found -> found.orElseThrow(
                () -> Failure.notFound("No ticket " + ticketId + ".")));
    }

    /**
     * Applies an action to a ticket read just before; fails with a conflict when the ticket is not (or no longer) in
     * a state the action is allowed from.
     */
    Future<Ticket> apply(Ticket ticket, TicketAction action, String counterId, Long agentId, JsonObject data) {
        requireLegal(ticket, action);
        Instant now = clock.instant();
        return tickets.transition(action, ticket.id(), now, counterId, agentId, data).compose(changed -> {
            if (changed.isEmpty()) {
                return changedMeanwhile(ticket.id(), action);
            }
            events.ticketChanged(changed.get(), action, ticket.counterId());
            return Future.succeededFuture(changed.get());
        });
    }

    /**
     * An action of the agent holding the ticket (or a supervisor of its site) that leaves it at its counter, in one
     * statement that checks the holder and the state as it changes them. Only when nothing matched is the ticket read,
     * to say why: not found, held by another agent, or not in a state the action is allowed from.
     */
    private Future<Ticket> atItsCounter(Principal principal, long ticketId, TicketAction action, Closing closing) {
        String[] outcomeServices = closing.outcomeId() == null ? null : servicesOffering(closing.outcomeId());
        AccessPolicy.HeldTicketFilter filter = AccessPolicy.heldTicketFilter(principal).orElse(null);
        if (filter == null) {
            return whyNot(principal, ticketId, action, closing.outcomeId());
        }
        String[] siteIds = filter.siteIds() == null ? null : filter.siteIds().toArray(String[]::new);
        return tickets.heldTransition(action, ticketId, clock.instant(), principal.agentId(), filter.holderId(),
                siteIds, closing.eventData(), closing.outcome(), outcomeServices).compose(changed -> {
            if (changed.isEmpty()) {
                return whyNot(principal, ticketId, action, closing.outcomeId());
            }
            events.ticketChanged(changed.get(), action);
            return Future.succeededFuture(changed.get());
        });
    }

    /** The services that offer an outcome code; refused at once when none does. */
    private String[] servicesOffering(String outcomeId) {
        String[] services = catalogs.get().services().values().stream()
                .filter(service -> service.outcome(outcomeId).isPresent()).map(Catalog.Service::id)
                .toArray(String[]::new);
        if (services.length == 0) {
            throw Failure.invalid("unknown_outcome", "No service offers the outcome '" + outcomeId + "'.");
        }
        return services;
    }

    /**
     * The failure of an action on a held ticket that did not apply: not found, not allowed, not possible now, or (the
     * action being possible) an outcome its service does not offer.
     */
    private Future<Ticket> whyNot(Principal principal, long ticketId, TicketAction action, String outcomeId) {
        return load(ticketId).compose(ticket -> {
            requireHolder(principal, ticket);
            if (outcomeId != null && TicketLifecycle.next(ticket.status(), action).isPresent()) {
                return Future.failedFuture(Failure.invalid("unknown_outcome", "Service '" + ticket.serviceId()
                        + "' has no outcome '" + outcomeId + "'."));
            }
            return Future.failedFuture(illegal(ticket, action));
        });
    }

    /** Called and served tickets belong to the agent holding them; a supervisor of the site may act for them. */
    private static void requireHolder(Principal principal, Ticket ticket) {
        AccessPolicy.require(principal, Action.ACT_ON_HELD_TICKET,
                AccessPolicy.Scope.heldBy(ticket.siteId(), ticket.agentId()));
    }

    private static void requireLegal(Ticket ticket, TicketAction action) {
        if (TicketLifecycle.next(ticket.status(), action).isEmpty()) {
            throw illegal(ticket, action);
        }
    }

    private Future<Ticket> changedMeanwhile(long ticketId, TicketAction action) {
        return load(ticketId).compose(current -> Future.failedFuture(illegal(current, action)));
    }

    private static Failure illegal(Ticket ticket, TicketAction action) {
        return Failure.conflict("illegal_transition", "Ticket " + ticket.number() + " is " + ticket.status().name()
                + ": '" + action.pathName() + "' is not possible now.");
    }
}
