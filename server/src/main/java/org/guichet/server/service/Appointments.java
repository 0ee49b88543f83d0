package org.guichet.server.service;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.AccessPolicy;
import org.guichet.server.domain.AccessPolicy.Action;
import org.guichet.server.domain.Appointment;
import org.guichet.server.domain.AppointmentRules;
import org.guichet.server.domain.AppointmentSettings;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.IssuingRate;
import org.guichet.server.domain.Languages;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.RetentionPolicy;
import org.guichet.server.domain.Tokens;
import org.guichet.server.domain.TrainingSites;
import org.guichet.server.domain.stats.AppointmentFigures;
import org.guichet.server.domain.stats.StatsQuery;
import org.guichet.server.store.AppointmentStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Appointments: services that take them offer slots within their site's calendar; a visitor books one on the public
 * page (or an agent for them), sees or cancels it with its link, and checks in at the kiosk with its code, getting a
 * ticket called at the booked time ahead of walk-ins (see {@link org.guichet.server.domain.CallingOrder}).
 */
public final class Appointments {

    /** Codes drawn again when one is already taken by another booked appointment of the site. */
    static final int CODE_ATTEMPTS = 5;
    static final int BATCH = 1000;
    public static final IssuingRate PER_ADDRESS = new IssuingRate(10, Duration.ofMinutes(1));
    /** Codes matching nothing a kiosk (or agent) may send at once, then one every 10 seconds. */
    public static final IssuingRate LOOKUPS = new IssuingRate(10, Duration.ofSeconds(10));

    /** A slot and how many places it still has. */
    public record Slot(Instant startsAt, int remaining) {
    }

    /** What a check-in gave: the appointment, and the ticket to call it by. */
    public record CheckedIn(Appointment appointment, Issued issued) {
    }

    private final AppointmentStore store;
    private final Catalogs catalogs;
    private final TicketIssuer issuer;
    private final SmsReminders reminders;
    private final AppointmentSettings settings;
    private final RetentionPolicy retention;
    private final Clock clock;
    private final DeviceIssuingLimits addresses;
    private final DeviceIssuingLimits lookups;

    public Appointments(AppointmentStore store, Catalogs catalogs, TicketIssuer issuer, SmsReminders reminders,
                        AppointmentSettings settings, RetentionPolicy retention, Clock clock) {
        this.store = store;
        this.reminders = reminders;
        this.catalogs = catalogs;
        this.issuer = issuer;
        this.settings = settings;
        this.retention = retention;
        this.clock = clock;
        this.addresses = new DeviceIssuingLimits(PER_ADDRESS, clock);
        this.lookups = new DeviceIssuingLimits(LOOKUPS, clock);
    }

    public AppointmentSettings settings() {
        return settings;
    }

    /** The services of a site visitors may book (none for a site visitors cannot reach). */
    public List<Catalog.Service> services(String siteId) {
        Catalog.Site site = publicSite(siteId);
        return catalogs.get().services().values().stream()
                .filter(service -> service.siteId().equals(site.id()) && service.takesAppointments())
                .sorted(java.util.Comparator.comparingInt(Catalog.Service::menuOrder))
                .toList();
    }

    /** A day's slots of a service still to come, with the places left in each. */
    public Future<List<Slot>> slots(String siteId, String serviceId, LocalDate day) {
        Catalog.Site site = publicSite(siteId);
        Catalog.Service service = bookable(site, serviceId);
        Instant now = clock.instant();
        List<Instant> starts = AppointmentRules.slots(site.opening(), site.zone(), day,
                        service.appointments().slotMinutes()).stream()
                .filter(start -> start.isAfter(now)).toList();
        if (starts.isEmpty() || day.isAfter(now.atZone(site.zone()).toLocalDate()
                .plusDays(AppointmentRules.MOST_DAYS_AHEAD))) {
            return Future.succeededFuture(List.of());
        }
        return store.booked(service.id(), starts.get(0), starts.get(starts.size() - 1).plusSeconds(1))
                .map(booked -> starts.stream().map(start -> new Slot(start,
                        Math.max(0, service.appointments().capacity() - booked.getOrDefault(start, 0)))).toList());
    }

    /**
     * A visitor books on the public page; an address books {@link #PER_ADDRESS} at once, then one a minute, on each
     * node (429 past it).
     */
    public Future<Appointment> book(String siteId, String serviceId, Instant startsAt, String name,
                                    String language, String smsPhone, String address) {
        Catalog.Site site = publicSite(siteId);
        addresses.take(address == null ? "unknown" : address, "too_many_requests",
                "Too many appointments were booked from this address");
        return book(site, serviceId, startsAt, name, language, smsPhone, "WEB", null);
    }

    /** An agent of the site books for a visitor (on the phone, or at the counter). */
    public Future<Appointment> bookFor(Principal principal, String siteId, String serviceId, Instant startsAt,
                                       String name, String language, String smsPhone) {
        Catalog.Site site = publicSite(siteId);
        AccessPolicy.require(principal, Action.ISSUE_TICKET, AccessPolicy.Scope.site(site.id()));
        if (!principal.isAgent()) {
            throw Failure.notAllowed("Only agents book for a visitor.");
        }
        return book(site, serviceId, startsAt, name, language, smsPhone, "AGENT", principal.agentId());
    }

    /** smsPhone: a mobile number for one SMS reminder {@code reminderMinutes} before, where SMS are on; else null. */
    private Future<Appointment> book(Catalog.Site site, String serviceId, Instant startsAt, String name,
                                     String language, String smsPhone, String channel, Long agentId) {
        Catalog.Service service = bookable(site, serviceId);
        org.guichet.server.domain.PhoneNumber reminderNumber = reminders.numberFor(smsPhone);
        Instant now = clock.instant();
        AppointmentRules.requireBookable(startsAt, now, site.opening(), site.zone(),
                service.appointments().slotMinutes());
        Appointment request = new Appointment(0, site.id(), service.id(), startsAt,
                service.appointments().slotMinutes(), AppointmentRules.newCode(), Tokens.newStatusToken(),
                AppointmentRules.name(name), language == null ? Languages.DEFAULT : language,
                Appointment.Status.BOOKED, null, now, null);
        byte[] sealed = reminderNumber == null ? null : reminders.sealForAppointment(reminderNumber, request.token());
        return bookWithFreeCode(request, service.appointments().capacity(), channel, agentId, sealed, 1);
    }

    private Future<Appointment> bookWithFreeCode(Appointment request, int capacity, String channel, Long agentId,
                                                 byte[] sealed, int attempt) {
        return store.book(request, capacity, channel, agentId, sealed)
                .map(booked -> booked.orElseThrow(() -> Failure.conflict("slot_full",
                        "This slot has just been taken: choose another.")))
                .recover(failure -> {
                    if (attempt < CODE_ATTEMPTS && failure instanceof io.vertx.pgclient.PgException pg
                        && "23505".equals(pg.getSqlState())) {
                        Appointment again = new Appointment(0, request.siteId(), request.serviceId(),
                                request.startsAt(), request.slotMinutes(), AppointmentRules.newCode(),
                                request.token(), request.name(), request.language(), request.status(), null,
                                request.createdAt(), null);
                        return bookWithFreeCode(again, capacity, channel, agentId, sealed, attempt + 1);
                    }
                    return Future.failedFuture(failure);
                });
    }

    /** An appointment by its page's token (the visitor's own link). */
    public Future<Appointment> byToken(String token) {
        return store.byToken(token == null ? "" : token)
                .map(found -> found.orElseThrow(() -> Failure.notFound("No such appointment.")));
    }

    public Future<Appointment> cancel(String token) {
        return store.cancel(token == null ? "" : token, clock.instant()).compose(cancelled -> cancelled.isPresent()
                ? Future.succeededFuture(cancelled.get())
                : byToken(token).map(found -> {
                    throw Failure.conflict("not_booked", "This appointment is " + found.status().name()
                            .toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": it can no longer be cancelled.");
                }));
    }

    /**
     * Checks a visitor in at a kiosk of the site (or by an agent), with the code they type or scan: from
     * {@code earlyMinutes} before the booked time to {@code lateMinutes} after it. The appointment is claimed first,
     * then its ticket issued under a key only the appointment knows: the same check-in sent again gets the same
     * ticket. A kiosk that sends codes matching nothing is slowed down, so that codes cannot be tried one by one.
     */
    public Future<CheckedIn> checkIn(Principal principal, String siteId, String typedCode, String language) {
        Catalog.Site site = catalogs.get().site(siteId);
        AccessPolicy.require(principal, Action.ISSUE_TICKET, AccessPolicy.Scope.site(site.id()));
        String code = AppointmentRules.normalizeCode(typedCode);
        if (code == null) {
            missedLookup(principal);
            throw Failure.invalid("bad_code", "An appointment code is six letters and digits, as on the "
                    + "confirmation.");
        }
        Instant now = clock.instant();
        Instant earliest = AppointmentRules.missedBefore(now, settings);
        Instant latest = now.plus(Duration.ofMinutes(settings.earlyMinutes()));
        return store.claim(site.id(), code, now, earliest, latest)
                .compose(claimed -> claimed.isPresent() ? Future.succeededFuture(claimed.get())
                        : store.bookedByCode(site.id(), code).map(found -> refusal(principal, found, now)))
                .compose(appointment -> ticketFor(principal, appointment, language));
    }

    /**
     * For a visitor who lost their code: the service's appointments they may check in for now, each said by its time
     * and the first letter of the name given (no more, on a screen others see).
     */
    public Future<List<Appointment>> atHand(Principal principal, String siteId, String serviceId) {
        Catalog.Site site = catalogs.get().site(siteId);
        AccessPolicy.require(principal, Action.ISSUE_TICKET, AccessPolicy.Scope.site(site.id()));
        Catalog.Service service = bookable(site, serviceId);
        Instant now = clock.instant();
        return store.atHand(site.id(), service.id(), AppointmentRules.missedBefore(now, settings),
                now.plus(Duration.ofMinutes(settings.earlyMinutes())));
    }

    /** The check-in of an appointment picked from that list: as by its code, but only while it is at hand. */
    public Future<CheckedIn> checkInPicked(Principal principal, String siteId, long appointmentId, String language) {
        Catalog.Site site = catalogs.get().site(siteId);
        AccessPolicy.require(principal, Action.ISSUE_TICKET, AccessPolicy.Scope.site(site.id()));
        Instant now = clock.instant();
        return store.claimById(site.id(), appointmentId, now, AppointmentRules.missedBefore(now, settings),
                        now.plus(Duration.ofMinutes(settings.earlyMinutes())))
                .compose(claimed -> claimed.isPresent() ? Future.succeededFuture(claimed.get())
                        : store.byId(site.id(), appointmentId).map(found -> found
                                // Checked in already: the same check-in again (its ticket is issued again, the same).
                                .filter(appointment -> appointment.status() == Appointment.Status.CHECKED_IN
                                        && AppointmentRules.checkIn(appointment.startsAt(), now, settings)
                                           != AppointmentRules.CheckIn.MISSED)
                                .orElseThrow(() -> Failure.conflict("appointment_not_at_hand",
                                        "This appointment can no longer be checked in here: take an ordinary "
                                        + "ticket."))))
                .compose(appointment -> ticketFor(principal, appointment, language));
    }

    /** The claimed appointment's ticket, under its own key (the same again for a check-in sent again), linked to it. */
    private Future<CheckedIn> ticketFor(Principal principal, Appointment appointment, String language) {
        return issuer.issueForAppointment(principal, appointment, language != null ? language : appointment.language())
                .compose(issued -> store.setTicket(appointment.id(), issued.ticket().id())
                        .map(new CheckedIn(appointment, issued)));
    }

    /**
     * Why a code could not be claimed: checked in already (the same check-in again: its ticket is issued again under
     * the same key), too early, missed, or no such appointment waiting.
     */
    private Appointment refusal(Principal principal, Optional<Appointment> found, Instant now) {
        if (found.isEmpty()) {
            missedLookup(principal);
            throw Failure.notFound("unknown_code", "No appointment with this code is waiting at this site today.");
        }
        Appointment appointment = found.get();
        if (appointment.status() == Appointment.Status.CHECKED_IN
            && AppointmentRules.checkIn(appointment.startsAt(), now, settings) != AppointmentRules.CheckIn.MISSED) {
            return appointment;
        }
        JsonObject when = new JsonObject().put("startsAt", appointment.startsAt().toString());
        if (AppointmentRules.checkIn(appointment.startsAt(), now, settings) == AppointmentRules.CheckIn.TOO_EARLY) {
            throw Failure.conflict("appointment_too_early", "The appointment is at " + appointment.startsAt()
                    + ": check in from " + settings.earlyMinutes() + " minutes before.",
                    when.put("earlyMinutes", settings.earlyMinutes()));
        }
        throw Failure.conflict("appointment_missed", "The appointment was at " + appointment.startsAt()
                + ": take an ordinary ticket.", when);
    }

    /** A kiosk's code matching nothing: {@link #LOOKUPS} of them at once, then one every few seconds. */
    private void missedLookup(Principal principal) {
        lookups.take(principal.isAgent() ? "agent-" + principal.agentId() : principal.deviceId(), "too_many_codes",
                "Too many codes that match no appointment were tried from here");
    }

    /** Marks missed appointments, erases names of past days, deletes appointments older than the tickets. */
    public Future<Integer> tidy() {
        Instant now = clock.instant();
        Instant deleteBefore = retention.firstDayWithTickets(now).atStartOfDay(ZoneOffset.UTC).toInstant();
        return DataRetention.drain(batch -> store.markMissed(AppointmentRules.missedBefore(now, settings), now, batch),
                        BATCH)
                .compose(missed -> DataRetention.drain(batch -> store.eraseNamesBefore(now.minus(Duration.ofDays(1)),
                        batch), BATCH).compose(erased -> DataRetention.drain(batch -> store.pseudonymiseBefore(
                        retention.cutoffs(now).pseudonymiseBefore(), batch), BATCH))
                        .compose(forgotten -> DataRetention.drain(batch -> store.deleteBefore(deleteBefore, batch),
                                BATCH)).map(missed));
    }

    public Future<List<AppointmentFigures>> figures(StatsQuery query) {
        if (query.roomId() != null || query.counterId() != null || query.agentId() != null) {
            throw Failure.invalid("per_service", "Appointments are counted per service: no room, counter or agent "
                    + "filter.");
        }
        return store.figures(query);
    }

    private Catalog.Site publicSite(String siteId) {
        Catalog.Site site = siteId == null ? null : catalogs.get().sites().get(siteId);
        if (site == null || !site.active() || TrainingSites.isCopy(site.id())) {
            throw Failure.notFound("No site '" + siteId + "'.");
        }
        return site;
    }

    private Catalog.Service bookable(Catalog.Site site, String serviceId) {
        Catalog.Service service = serviceId == null ? null : catalogs.get().services().get(serviceId);
        if (service == null || !service.siteId().equals(site.id()) || !service.takesAppointments()) {
            throw Failure.invalid("no_appointments", "'" + serviceId + "' takes no appointments at this site.");
        }
        return service;
    }
}
