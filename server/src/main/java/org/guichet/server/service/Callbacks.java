package org.guichet.server.service;

import io.vertx.core.Future;
import org.guichet.server.domain.AccessPolicy;
import org.guichet.server.domain.AccessPolicy.Action;
import org.guichet.server.domain.Callback;
import org.guichet.server.domain.CallbackOutcome;
import org.guichet.server.domain.CallbackRules;
import org.guichet.server.domain.CallbackSettings;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.IssuingRate;
import org.guichet.server.domain.Languages;
import org.guichet.server.domain.PhoneNumber;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.RetentionPolicy;
import org.guichet.server.domain.TrainingSites;
import org.guichet.server.domain.stats.CallbackFigures;
import org.guichet.server.domain.stats.StatsQuery;
import org.guichet.server.store.CallbackStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Phone call-backs: a phone-reception agent (or the caller, on the site's phone page) asks that a caller be called
 * back about a service; the agents of the counters serving it take the requests from their tablet, earliest due
 * first, and say how each call went. The number is sealed before it is stored, opened only for the agent holding the
 * request, and erased when the request is over or after {@link CallbackSettings#keepDays()}.
 */
public final class Callbacks {

    /** Open requests a tablet lists at most. */
    public static final int LIST_LIMIT = 100;
    public static final int ERASE_BATCH = 1000;
    public static final IssuingRate PER_ADDRESS = new IssuingRate(5, Duration.ofMinutes(2));
    /** A request taken this long ago and never said how it went (a tablet lost, an agent gone) goes back. */
    public static final Duration STALE_HOLD = Duration.ofMinutes(30);

    /** What a caller or an agent asks for. */
    public record Request(String serviceId, String phone, String subject, String language, LocalDate date,
                          LocalTime from, LocalTime to) {
    }

    /**
     * A request with its service's target, and the caller's number when the one asking is calling back
     * ({@code unreadable} when this server's key cannot open it).
     */
    public record Shown(Callback callback, int targetMinutes, PhoneNumber number, boolean unreadable) {
    }

    /** A counter's call-backs: the one it is calling now (with the number), and those waiting for its services. */
    public record ForCounter(Optional<Shown> held, List<Shown> open) {
    }

    private final CallbackStore store;
    private final Catalogs catalogs;
    private final TicketCalling calling;
    private final Counters counters;
    private final ContactCipher cipher;
    private final CallbackSettings settings;
    private final RetentionPolicy retention;
    private final CallbackEvents events;
    private final Clock clock;
    private final DeviceIssuingLimits addresses;

    public Callbacks(CallbackStore store, Catalogs catalogs, TicketCalling calling, Counters counters,
                     ContactCipher cipher,
                     CallbackSettings settings, RetentionPolicy retention, CallbackEvents events, Clock clock) {
        this.store = store;
        this.catalogs = catalogs;
        this.calling = calling;
        this.counters = counters;
        this.cipher = cipher;
        this.settings = settings;
        this.retention = retention;
        this.events = events;
        this.clock = clock;
        this.addresses = new DeviceIssuingLimits(PER_ADDRESS, clock);
    }

    /** An agent of the site asks for a call-back (by phone reception, for a caller on the line). */
    public Future<Callback> request(Principal principal, String siteId, Request request) {
        Catalog.Site site = site(siteId);
        AccessPolicy.require(principal, Action.REQUEST_CALLBACK, AccessPolicy.Scope.site(site.id()));
        return create(site, request, principal.agentId(), Callback.Channel.AGENT);
    }

    /**
     * The caller asks on the site's public page (for a site visitors may reach): an address asks
     * {@link #PER_ADDRESS} at once, then one every {@code refillEvery}, on each node (429 past it).
     */
    public Future<Callback> requestFromPhonePage(Catalog.Site site, Request request, String address) {
        addresses.take(address == null ? "unknown" : address, "too_many_requests",
                "Too many call-backs were asked from this address");
        return create(site, request, null, Callback.Channel.PHONE_PAGE);
    }

    private Future<Callback> create(Catalog.Site site, Request request, Long agentId, Callback.Channel channel) {
        Catalog.Service service = catalogs.get().services().get(request.serviceId());
        if (service == null || !service.siteId().equals(site.id()) || !"service".equals(service.kind())
            || !service.active()) {
            throw Failure.invalid("unknown_service", "No service '" + request.serviceId() + "' at this site.");
        }
        PhoneNumber number = PhoneNumber.parse(request.phone());
        String subject = CallbackRules.subject(request.subject());
        Instant now = clock.instant();
        CallbackRules.Window window = CallbackRules.window(request.date(), request.from(), request.to(), now,
                site.zone(), site.opening());
        String language = request.language() == null ? Languages.DEFAULT : request.language();
        Callback callback = new Callback(0, site.id(), service.id(), Callback.Status.WAITING, subject, language,
                window.from(), window.to(), now, channel, window.from(), 0, null, null, null, null, true);
        // Kept for keepDays after the caller's time range, however far ahead it is.
        Instant eraseAfter = (window.to().isAfter(now) ? window.to() : now).plus(Duration.ofDays(settings.keepDays()));
        return store.nextId().compose(id -> store.insert(id, callback, cipher.seal(number.e164(),
                                purpose(site.id(), id)), cipher.index(number.e164(), "callback"), agentId, eraseAfter))
                .onSuccess(stored -> events.callbacksChanged(stored.siteId(), stored.serviceId()));
    }

    /** The counter's call-backs, for the agent at it; only the one this agent holds carries the number. */
    public Future<ForCounter> forCounter(Principal principal, String counterId) {
        Catalog.Counter counter = catalogs.get().counter(counterId);
        AccessPolicy.require(principal, Action.READ_WAITING_LIST, AccessPolicy.Scope.site(counter.siteId()));
        return store.heldAt(counter.id()).compose(held -> store.openFor(counter.serviceIds(), LIST_LIMIT,
                        clock.instant())
                .map(open -> new ForCounter(held.map(stored -> shown(stored, principal)),
                        open.stream().map(stored -> new Shown(stored.callback(), stored.targetMinutes(), null, false))
                                .toList())));
    }

    /**
     * The agent holding the open counter takes a request to call back: the given one, or the earliest due of the
     * counter's services; its number is opened for them alone. Empty when none is due.
     */
    public Future<Optional<Shown>> take(Principal principal, String counterId, Long callbackId) {
        Catalog.Counter counter = catalogs.get().counter(counterId);
        AccessPolicy.require(principal, Action.CALL_BACK, AccessPolicy.Scope.site(counter.siteId()));
        return calling.requireOpenBy(principal, counter)
                .compose(agentId -> counters.state(principal, counter.id()).map(state -> {
                    if (state.currentTicket().isPresent()) {
                        throw Failure.conflict("counter_busy", "Finish with the visitor at the counter first.");
                    }
                    return agentId;
                }))
                .compose(agentId -> store.take(callbackId, counter.serviceIds(), agentId, counter.id(),
                        clock.instant()))
                .compose(taken -> {
                    if (taken.isEmpty() && callbackId != null) {
                        return store.one(callbackId).map(found -> {
                            throw found.isEmpty() || !counter.serviceIds().contains(found.get().callback().serviceId())
                                    ? Failure.notFound("No call-back " + callbackId + " for this counter.")
                                    : Failure.conflict("callback_not_waiting", "This call-back is being made by "
                                      + "a colleague, is not due yet, or is over.");
                        });
                    }
                    Optional<Shown> shown = taken.map(stored -> shown(stored, principal));
                    if (shown.isPresent() && shown.get().unreadable()) {
                        // Nobody here can call it: back to the list, and the administrator must mend the key.
                        return store.release(shown.get().callback().id(), principal.agentId()).map(released -> {
                            throw Failure.conflict("number_unreadable", "This caller's number cannot be read with "
                                    + "this server's key (a key file that differs between nodes?).");
                        });
                    }
                    taken.ifPresent(stored -> events.callbacksChanged(counter.siteId(),
                            stored.callback().serviceId()));
                    return Future.succeededFuture(shown);
                });
    }

    /** The agent calling back says how it went; "no answer" puts the request back for later (or ends it). */
    public Future<Callback> record(Principal principal, long callbackId, CallbackOutcome outcome) {
        return held(principal, callbackId, false).compose(stored -> {
            Instant now = clock.instant();
            CallbackRules.Next next = CallbackRules.after(outcome, stored.callback().attempts() + 1, now, settings);
            return store.recordAttempt(callbackId, outcome, next, principal.agentId(),
                    stored.callback().holderCounterId(), now);
        }).map(recorded -> {
            Callback callback = recorded.orElseThrow(() -> notHeld(callbackId));
            events.callbacksChanged(callback.siteId(), callback.serviceId());
            return callback;
        });
    }

    /**
     * Gives a request back to the others, as it was: one taken by mistake (by its agent), or one a colleague left
     * held (by a supervisor of the site).
     */
    public Future<Void> release(Principal principal, long callbackId) {
        return held(principal, callbackId, true).compose(stored -> store.release(callbackId,
                        stored.callback().holderAgentId())
                .map(released -> {
                    if (!released) {
                        throw notHeld(callbackId);
                    }
                    events.callbacksChanged(stored.callback().siteId(), stored.callback().serviceId());
                    return null;
                }));
    }

    /** A counter closes: what it was calling back goes back to the others. */
    public Future<Void> releaseAtCounter(String counterId) {
        return store.releaseAtCounter(counterId).map(released -> {
            tell(released);
            return null;
        });
    }

    /** Figures per service over the statistics query's days and sites. */
    public Future<List<CallbackFigures>> figures(StatsQuery query) {
        if (query.roomId() != null || query.counterId() != null || query.agentId() != null) {
            throw Failure.invalid("per_service", "Call-backs are counted per service: no room, counter or agent "
                    + "filter.");
        }
        return store.figures(query, clock.instant());
    }

    /**
     * Erases the numbers kept past their date (a request still open then expires), the subjects of requests over for
     * longer than the notes are kept, and the requests older than the tickets; returns how many numbers were erased.
     */
    public Future<Integer> eraseDue() {
        Instant now = clock.instant();
        RetentionPolicy.Cutoffs cutoffs = retention.cutoffs(now);
        Instant deleteBefore = cutoffs.deleteBeforeDay().atStartOfDay(ZoneOffset.UTC).toInstant();
        return DataRetention.drain(batch -> store.eraseDue(now, batch).map(erased -> tell(erased).size()),
                        ERASE_BATCH)
                .compose(numbers -> store.releaseTakenBefore(now.minus(STALE_HOLD)).map(this::tell)
                        .compose(released -> DataRetention.drain(batch -> store.eraseSubjectsClosedBefore(
                                cutoffs.notesBefore(), batch), ERASE_BATCH))
                        .compose(subjects -> DataRetention.drain(batch -> store.forgetAgentsBefore(
                                cutoffs.pseudonymiseBefore(), batch), ERASE_BATCH))
                        .compose(forgotten -> DataRetention.drain(batch -> store.deleteCreatedBefore(deleteBefore,
                                batch), ERASE_BATCH))
                        .map(numbers));
    }

    /** Tells the tablets of each service concerned, once. */
    private List<String[]> tell(List<String[]> services) {
        services.stream().map(java.util.Arrays::asList).distinct()
                .forEach(service -> events.callbacksChanged(service.get(0), service.get(1)));
        return services;
    }

    /** The request this agent is calling back; or, {@code orSupervisor}, one a colleague holds in their site. */
    private Future<CallbackStore.Stored> held(Principal principal, long callbackId, boolean orSupervisor) {
        if (!principal.isAgent()) {
            throw Failure.notAllowed("Only agents call back.");
        }
        return store.one(callbackId).map(found -> {
            CallbackStore.Stored stored = found.orElseThrow(() -> Failure.notFound("No call-back " + callbackId
                    + "."));
            Callback callback = stored.callback();
            AccessPolicy.require(principal, Action.CALL_BACK, AccessPolicy.Scope.site(callback.siteId()));
            if (callback.status() != Callback.Status.CALLING) {
                throw notHeld(callbackId);
            }
            if (!principal.agentId().equals(callback.holderAgentId())) {
                if (!orSupervisor || !AccessPolicy.allows(principal, Action.ACT_ON_HELD_TICKET,
                        AccessPolicy.Scope.heldBy(callback.siteId(), callback.holderAgentId()))) {
                    throw notHeld(callbackId);
                }
            }
            return stored;
        });
    }

    private static Failure notHeld(long callbackId) {
        return Failure.conflict("callback_not_held", "You are not calling back request " + callbackId + " now.");
    }

    private Shown shown(CallbackStore.Stored stored, Principal principal) {
        Callback callback = stored.callback();
        boolean holder = principal.isAgent() && principal.agentId().equals(callback.holderAgentId());
        if (!holder || stored.sealedNumber() == null) {
            return new Shown(callback, stored.targetMinutes(), null, false);
        }
        try {
            return new Shown(callback, stored.targetMinutes(),
                    PhoneNumber.parse(cipher.open(stored.sealedNumber(), purpose(callback.siteId(), callback.id()))),
                    false);
        } catch (ContactCipher.Unreadable unreadable) {
            return new Shown(callback, stored.targetMinutes(), null, true);
        }
    }

    private Catalog.Site site(String siteId) {
        Catalog.Site site = catalogs.get().site(siteId);
        if (TrainingSites.isCopy(site.id())) {
            throw Failure.invalid("training_copy", "Call-backs are not practised on a training copy.");
        }
        return site;
    }

    /** What a number is sealed for: this request of this site, and nothing else. */
    static String purpose(String siteId, long callbackId) {
        return "callback:" + siteId + ":" + callbackId;
    }
}
