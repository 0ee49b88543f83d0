package org.guichet.server.service;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.AccessPolicy;
import org.guichet.server.domain.AccessPolicy.Action;
import org.guichet.server.domain.CallingOrder;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.QueueSummary;
import org.guichet.server.domain.ServiceDay;
import org.guichet.server.domain.Ticket;
import org.guichet.server.domain.TicketEvent;
import org.guichet.server.domain.TicketStatus;
import org.guichet.server.domain.WaitEstimator;
import org.guichet.server.domain.WaitingQueue;
import org.guichet.server.domain.WaitingTicket;
import org.guichet.server.store.TicketStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** Reading tickets: one by id, its history, a counter's waiting list, a visitor's own ticket, a room's last calls. */
public final class TicketQueries {

    /** How many calls a waiting-room screen shows after it (re)connects. */
    static final int RECENT_CALLS = 8;
    private static final Pattern STATUS_TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    /** A ticket in a counter's waiting list: how long it has waited, against its service's target. */
    /** @param appointmentName the name the visitor gave with their appointment, if any (agents only) */
    public record Waiting(Ticket ticket, long waitedSeconds, int targetWaitMinutes, boolean overTarget,
                          String appointmentName) {
    }

    /**
     * A visitor's ticket and how many wait before it.
     *
     * @param estimatedWaitMinutes what the issuing answer said, worked out again now by the same estimator: null when
     *                             no counter serving the service is open, or when the ticket no longer waits
     */
    public record VisitorTicket(Ticket ticket, int peopleAhead, Integer estimatedWaitMinutes) {
    }

    /** What a waiting-room screen needs after (re)connecting: the room, its last calls, its waiting counts. */
    public record RoomDisplay(Catalog.Room room, Catalog.Site site, List<Ticket> recentCalls, QueueSummary queue) {
    }

    private final TicketStore tickets;
    private final Catalogs catalogs;
    private final QueueSummaries summaries;
    private final WaitEstimator estimator;
    private final Clock clock;

    public TicketQueries(TicketStore tickets, Catalogs catalogs, QueueSummaries summaries, WaitEstimator estimator,
                         Clock clock) {
        this.tickets = tickets;
        this.estimator = estimator;
        this.catalogs = catalogs;
        this.summaries = summaries;
        this.clock = clock;
    }

    public Future<Ticket> ticket(Principal principal, long ticketId) {
        return tickets.load(ticketId).map(found -> {
            Ticket ticket = found.orElseThrow(() -> Failure.notFound("No ticket " + ticketId + "."));
            AccessPolicy.require(principal, Action.READ_TICKET, AccessPolicy.Scope.site(ticket.siteId()));
            return ticket;
        });
    }

    public Future<List<TicketEvent>> history(Principal principal, long ticketId) {
        return ticket(principal, ticketId).compose(ticket -> tickets.history(ticket.id()));
    }

    /** The tickets a counter may call, in the order it would call them. */
    public Future<List<Waiting>> waitingList(Principal principal, String counterId) {
        Catalog catalog = catalogs.get();
        Catalog.Counter counter = catalog.counter(counterId);
        AccessPolicy.require(principal, Action.READ_WAITING_LIST, AccessPolicy.Scope.site(counter.siteId()));
        Catalog.Site site = catalog.site(counter.siteId());
        Instant now = clock.instant();
        return tickets.waitingFor(site.id(), counter.serviceIds().toArray(String[]::new), counter.id(),
                ServiceDay.of(now, site.zone())).map(waiting -> {
                    Map<Long, Ticket> byId = new HashMap<>();
                    waiting.forEach(ticket -> byId.put(ticket.id(), ticket));
                    List<WaitingTicket> order = waiting.stream().map(ticket -> new WaitingTicket(ticket.id(),
                            ticket.serviceId(), ticket.priority(), ticket.arrivalAt(),
                            catalog.targetWait(ticket.serviceId()), ticket.targetCounterId(), ticket.appointmentAt()))
                            .toList();
                    List<Ticket> ordered = new CallingOrder(site.policy()).order(order, counter.id(),
                            counter.serviceIds(), now).stream().map(next -> byId.get(next.id())).toList();
                    return ordered;
                })
                .compose(ordered -> tickets.appointmentNames(ordered.stream()
                                .filter(ticket -> ticket.appointmentAt() != null).map(Ticket::id).toList())
                        .map(names -> ordered.stream().map(ticket -> waiting(ticket, catalog, now,
                                names.get(ticket.id()))).toList()));
    }

    /** A visitor checked in early for an appointment waits from the booked time: not red for being early. */
    private static Waiting waiting(Ticket ticket, Catalog catalog, Instant now, String appointmentName) {
        Instant from = ticket.appointmentAt() != null && ticket.appointmentAt().isAfter(ticket.arrivalAt())
                ? ticket.appointmentAt() : ticket.arrivalAt();
        long waited = WaitingQueue.waitedSeconds(from, now);
        return new Waiting(ticket, waited, catalog.targetWaitMinutes(ticket.serviceId()),
                catalog.overTarget(ticket.serviceId(), waited), appointmentName);
    }

    /**
     * A visitor's ticket by the unguessable token of its QR code; no account needed. The link works during the
     * ticket's service day only (in its site's time zone): afterwards it says it has expired, in the ticket's
     * language, and nothing else.
     */
    public Future<VisitorTicket> visitorTicket(String statusToken) {
        if (statusToken == null || !STATUS_TOKEN.matcher(statusToken).matches()) {
            throw Failure.notFound("No such ticket.");
        }
        return tickets.byStatusToken(statusToken).compose(found -> {
            Ticket ticket = found.orElseThrow(() -> Failure.notFound("No such ticket."));
            Catalog.Site site = catalogs.get().sites().get(ticket.siteId());
            if (site == null || ticket.serviceDay().isBefore(ServiceDay.of(clock.instant(), site.zone()))) {
                throw Failure.expired("This ticket's link expired at the end of its day.",
                        new JsonObject().put("language", ticket.language()));
            }
            if (ticket.status() != TicketStatus.WAITING) {
                return Future.succeededFuture(new VisitorTicket(ticket, 0, null));
            }
            Instant windowStart = clock.instant().minus(Duration.ofMinutes(estimator.windowMinutes()));
            return tickets.waitingPosition(ticket, windowStart).map(place -> {
                OptionalInt minutes = estimator.estimateMinutes(place.ahead(), place.recentCalls(),
                        place.countersServing());
                return new VisitorTicket(ticket, place.ahead(), minutes.isPresent() ? minutes.getAsInt() : null);
            });
        });
    }

    public Future<RoomDisplay> roomDisplay(Principal principal, String roomId) {
        Catalog catalog = catalogs.get();
        Catalog.Room room = catalog.room(roomId);
        AccessPolicy.require(principal, Action.READ_ROOM_DISPLAY, AccessPolicy.Scope.room(room.siteId(), room.id()));
        Catalog.Site site = catalog.site(room.siteId());
        return tickets.recentCalls(room.id(), ServiceDay.of(clock.instant(), site.zone()), RECENT_CALLS)
                .compose(calls -> summaries.summary(site.id())
                        .map(summary -> new RoomDisplay(room, site, calls, summary)));
    }
}
