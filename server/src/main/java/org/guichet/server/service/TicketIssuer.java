package org.guichet.server.service;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.guichet.server.domain.AccessPolicy.Action;
import org.guichet.server.domain.AccessPolicy;
import org.guichet.server.domain.Appointment;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.IssuingRate;
import org.guichet.server.domain.OpeningCalendar;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.PriorityClass;
import org.guichet.server.domain.ServiceDay;
import org.guichet.server.domain.Ticket;
import org.guichet.server.domain.TicketAction;
import org.guichet.server.domain.Tokens;
import org.guichet.server.domain.WaitEstimator;
import org.guichet.server.store.TicketStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Issues tickets. Requests that arrive while earlier ones of their site are being written leave together in one
 * statement and one commit, other sites' beside them (see {@link Batcher}); a batch that fails is retried one ticket
 * at a time, so one bad request never costs another visitor their ticket. One issuer serves every HTTP verticle of
 * the instance, so that its batches gather requests from all of them.
 */
public final class TicketIssuer {

    /**
     * Batches of different sites are written side by side, a site's one at a time: its batches would take the same
     * sequence and queue rows and wait on each other's commits anyway (measured at one site: two or four in flight
     * gave lower throughput and a longer tail than one), but another site's ticket has no reason to wait for them
     * (with one batch in flight it did: 6 to 14 ms at the p99 in 2-node network days, bench/README.md).
     */
    static final int BATCHES_IN_FLIGHT = 4;
    static final int MAX_BATCH = 64;

    private final TicketStore tickets;
    private final Catalogs catalogs;
    private final Clock clock;
    private final WaitEstimator estimator;
    private final TicketEvents events;
    private final DeviceIssuingLimits deviceLimits;
    private final Batcher<PendingIssue> batcher = new Batcher<>(BATCHES_IN_FLIGHT, MAX_BATCH,
            pending -> pending.ticket().siteId(), this::write);

    public TicketIssuer(TicketStore tickets, Catalogs catalogs, Clock clock, WaitEstimator estimator,
                        TicketEvents events) {
        this(tickets, catalogs, clock, estimator, events, new DeviceIssuingLimits(IssuingRate.DEVICE_DEFAULT, clock));
    }

    /** @param deviceLimits how fast each device may issue (agents are not limited) */
    public TicketIssuer(TicketStore tickets, Catalogs catalogs, Clock clock, WaitEstimator estimator,
                        TicketEvents events, DeviceIssuingLimits deviceLimits) {
        this.deviceLimits = deviceLimits;
        this.tickets = tickets;
        this.catalogs = catalogs;
        this.clock = clock;
        this.estimator = estimator;
        this.events = events;
    }

    /** A request checked against the catalog, waiting for its batch; answered on the context it came from. */
    private record PendingIssue(TicketStore.NewTicket ticket, Promise<Issued> promise, Context context) {

        void settle(Future<Issued> outcome) {
            outcome.onComplete(result -> onContext(context, () -> promise.handle(result)));
        }
    }

    private static void onContext(Context context, Runnable task) {
        if (context == null) {
            task.run();
        } else {
            context.runOnContext(v -> task.run());
        }
    }

    /** Issues a ticket for a kiosk or an agent of the service's site. */
    public Future<Issued> issue(Principal principal, IssueRequest request) {
        Catalog catalog = catalogs.get();
        Catalog.Service service = catalog.service(request.serviceId());
        AccessPolicy.require(principal, Action.ISSUE_TICKET, AccessPolicy.Scope.site(service.siteId()));
        Catalog.Site site = issuingSite(catalog, service, request);
        Instant arrival = clock.instant();
        if (!principal.isAgent()) {
            requireVisitorRequest(site, request, arrival);
            deviceLimits.take(principal.deviceId());
        }
        return submit(site, service, request, arrival, principal.deviceId());
    }

    /**
     * Issues a ticket a visitor takes on their own phone, held to what a kiosk may issue: while the site issues, and
     * no priority but the one a visitor may declare. The caller keeps the phone's own limits.
     */
    public Future<Issued> issueForPhone(IssueRequest request) {
        Catalog catalog = catalogs.get();
        Catalog.Service service = catalog.service(request.serviceId());
        if (!service.siteId().equals(request.siteId())) {
            throw Failure.notFound("No service '" + request.serviceId() + "' at this site.");
        }
        Catalog.Site site = issuingSite(catalog, service, request);
        Instant arrival = clock.instant();
        requireVisitorRequest(site, request, arrival);
        return submit(site, service, request, arrival, null);
    }

    /**
     * The ticket of a visitor checking in for an appointment, at a kiosk or by an agent of the site: priority
     * APPOINTMENT, carrying the booked time; one per appointment (its id is the request's key), however many times
     * the check-in is sent.
     */
    public Future<Issued> issueForAppointment(Principal principal, Appointment appointment, String language) {
        Catalog catalog = catalogs.get();
        Catalog.Service service = catalog.service(appointment.serviceId());
        AccessPolicy.require(principal, Action.ISSUE_TICKET, AccessPolicy.Scope.site(service.siteId()));
        Catalog.Site site = issuingSite(catalog, service, new IssueRequest(appointment.siteId(), service.id(),
                PriorityClass.APPOINTMENT, language, null));
        Instant arrival = clock.instant();
        if (!principal.isAgent()) {
            deviceLimits.take(principal.deviceId());
        }
        TicketStore.NewTicket ticket = new TicketStore.NewTicket(site.id(), service.id(), service.roomId(),
                service.prefix(), ServiceDay.of(arrival, site.zone()), PriorityClass.APPOINTMENT, language,
                Tokens.newStatusToken(), arrival, principal.deviceId(), appointmentKey(appointment),
                appointment.startsAt());
        Promise<Issued> promise = Promise.promise();
        batcher.submit(new PendingIssue(ticket, promise, Vertx.currentContext()));
        return promise.future();
    }

    /**
     * The request key of an appointment's ticket: from the appointment's secret token, so that no client can send it
     * (a guessable one, from its id, would let a phone take the ticket meant for someone's check-in).
     */
    static String appointmentKey(Appointment appointment) {
        return "rdv-" + appointment.token();
    }

    private static Catalog.Site issuingSite(Catalog catalog, Catalog.Service service, IssueRequest request) {
        Catalog.Site site = catalog.site(service.siteId());
        if (request.siteId() != null && !request.siteId().equals(site.id())) {
            throw Failure.invalid("Service '" + service.id() + "' does not belong to site '" + request.siteId() + "'.");
        }
        if (!service.issuesTickets()) {
            throw Failure.conflict("not_a_service", "'" + service.id() + "' is a " + service.kind()
                    + " entry, not a service tickets are issued for.");
        }
        if (!site.active()) {
            throw Failure.conflict("site_archived", site.name() + " is archived: it issues no ticket any more.");
        }
        return site;
    }

    /** What a visitor asks for at a kiosk or on a phone: while the site issues, a priority they may claim. */
    private static void requireVisitorRequest(Catalog.Site site, IssueRequest request, Instant arrival) {
        requireIssuing(site, arrival);
        if (!request.priority().selfDeclared()) {
            throw Failure.notAllowed("priority_not_allowed", "A device may issue NORMAL or PRIORITY tickets; "
                    + request.priority().name() + " is given by an agent.");
        }
    }

    private Future<Issued> submit(Catalog.Site site, Catalog.Service service, IssueRequest request, Instant arrival,
                                  String deviceId) {
        TicketStore.NewTicket ticket = new TicketStore.NewTicket(site.id(), service.id(), service.roomId(),
                service.prefix(), ServiceDay.of(arrival, site.zone()), request.priority(), request.language(),
                Tokens.newStatusToken(), arrival, deviceId, request.idempotencyKey());
        Promise<Issued> promise = Promise.promise();
        batcher.submit(new PendingIssue(ticket, promise, Vertx.currentContext()));
        return promise.future();
    }

    /**
     * A device issues only while its site does; an agent may issue at any hour, for a visitor already inside.
     */
    private static void requireIssuing(Catalog.Site site, Instant now) {
        OpeningCalendar.Status status = site.openingAt(now);
        if (!status.issuing()) {
            throw Failure.conflict("site_closed", site.name() + " issues no ticket now ("
                    + status.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")"
                    + (status.nextOpening() == null ? "."
                    : "; it opens again at " + status.nextOpening().toOffsetDateTime() + "."));
        }
    }

    /** Writes one batch; settles every request in it before completing. */
    private Future<Void> write(List<PendingIssue> batch) {
        Instant callWindowStart = clock.instant().minus(Duration.ofMinutes(estimator.windowMinutes()));
        return tickets.issueBatch(batch.stream().map(PendingIssue::ticket).toList(), callWindowStart)
                .transform(inserted -> {
                    if (inserted.succeeded()) {
                        return settleAll(batch, inserted.result());
                    }
                    if (batch.size() > 1) {
                        // Find the request at fault by writing each alone; the others still get their tickets.
                        return Future.join(batch.stream().map(single -> write(List.of(single))).toList())
                                .mapEmpty();
                    }
                    PendingIssue single = batch.get(0);
                    Throwable failure = inserted.cause();
                    Future<Issued> outcome = TicketStore.isDuplicateIdempotencyKey(failure)
                            ? replay(single.ticket()).map(Optional::orElseThrow)
                            : Future.failedFuture(failure);
                    single.settle(outcome);
                    return outcome.<Void>mapEmpty().otherwiseEmpty();
                });
    }

    private Future<Void> settleAll(List<PendingIssue> batch, List<TicketStore.IssuedRow> rows) {
        Map<String, TicketStore.IssuedRow> byToken = new HashMap<>();
        rows.forEach(row -> byToken.put(row.ticket().statusToken(), row));
        List<Future<Issued>> replays = new ArrayList<>();
        // One hop per event loop rather than one per ticket: the answers of a batch mostly go to the same few loops.
        Map<Context, List<Runnable>> answers = new HashMap<>();
        for (PendingIssue pending : batch) {
            TicketStore.IssuedRow row = byToken.get(pending.ticket().statusToken());
            if (row == null) {
                // Left out: its idempotency key already has a ticket.
                Future<Issued> replay = replay(pending.ticket()).map(Optional::orElseThrow);
                pending.settle(replay);
                replays.add(replay);
                continue;
            }
            OptionalInt minutes = estimator.estimateMinutes(row.aheadOnArrival(), row.recentCalls(),
                    row.countersServing());
            events.ticketChanged(row.ticket(), TicketAction.ISSUE);
            Issued issued = new Issued(row.ticket(), row.aheadOnArrival(), boxed(minutes), false);
            answers.computeIfAbsent(pending.context(), context -> new ArrayList<>())
                    .add(() -> pending.promise().complete(issued));
        }
        answers.forEach((context, tasks) -> onContext(context, () -> tasks.forEach(Runnable::run)));
        return Future.join(replays).<Void>mapEmpty().otherwiseEmpty();
    }

    private Future<Optional<Issued>> replay(TicketStore.NewTicket request) {
        return tickets.byIdempotencyKey(request.siteId(), request.idempotencyKey()).compose(found -> {
            if (found.isEmpty()) {
                return Future.succeededFuture(Optional.empty());
            }
            Ticket ticket = found.get();
            return tickets.peopleAhead(ticket).map(ahead -> Optional.of(new Issued(ticket, ahead,
                    boxed(estimator.estimateMinutes(ahead, 0, 1)), true)));
        });
    }

    private static Integer boxed(OptionalInt minutes) {
        return minutes.isPresent() ? minutes.getAsInt() : null;
    }
}
