package org.guichet.server.service;

import io.vertx.core.Future;
import org.guichet.server.domain.AccessPolicy.Action;
import org.guichet.server.domain.AccessPolicy;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.CounterState;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.Ticket;
import org.guichet.server.store.CounterStore;
import org.guichet.server.store.TicketStore;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Opening, pausing, resuming and closing counters; each change is appended to counter_event so occupancy can be
 * measured. A counter is held by the agent who opened it; a supervisor of the site may pause or close it for them.
 */
public final class Counters {

    private static final CounterStore.Change OPEN =
            new CounterStore.Change(CounterState.OPEN, new String[]{CounterState.CLOSED}, "OPEN", null);

    private final CounterStore counters;
    private final TicketStore tickets;
    private final Catalogs catalogs;
    private final Clock clock;
    private final CounterEvents events;

    public Counters(CounterStore counters, TicketStore tickets, Catalogs catalogs, Clock clock, CounterEvents events) {
        this.counters = counters;
        this.tickets = tickets;
        this.catalogs = catalogs;
        this.clock = clock;
        this.events = events;
    }

    public Future<CounterState> open(Principal principal, String counterId) {
        Catalog.Counter counter = operable(principal, counterId);
        return state(counter).compose(state -> {
            if (!CounterState.CLOSED.equals(state.status())) {
                if (state.isHeldBy(principal.agentId())) {
                    return Future.succeededFuture(state);
                }
                throw Failure.conflict("counter_taken", counter.name() + " is already open by " + state.agentName()
                        + ".");
            }
            return change(counter, principal.agentId(), principal.agentId(), OPEN);
        });
    }

    public Future<CounterState> close(Principal principal, String counterId) {
        return changeHeld(principal, counterId, new CounterStore.Change(CounterState.CLOSED,
                new String[]{CounterState.OPEN, CounterState.PAUSED}, "CLOSE", null));
    }

    public Future<CounterState> pause(Principal principal, String counterId, String reason) {
        return changeHeld(principal, counterId, new CounterStore.Change(CounterState.PAUSED,
                new String[]{CounterState.OPEN}, "PAUSE", reason));
    }

    public Future<CounterState> resume(Principal principal, String counterId) {
        return changeHeld(principal, counterId, new CounterStore.Change(CounterState.OPEN,
                new String[]{CounterState.PAUSED}, "RESUME", null));
    }

    /** A counter as its tablet or its counter-top screen reads it. */
    public Future<CounterState> state(Principal principal, String counterId) {
        Catalog.Counter counter = catalogs.get().counter(counterId);
        AccessPolicy.require(principal, Action.READ_COUNTER,
                AccessPolicy.Scope.counter(counter.siteId(), counter.id()));
        return state(counter);
    }

    /** Every counter of a site, in the catalog's order. */
    public Future<List<CounterState>> statesOfSite(String siteId) {
        return states(catalogs.get().countersOf(siteId));
    }

    /** Tells who follows these counters that they changed without a request to them (a deactivated account's). */
    public Future<Void> announce(List<String> counterIds) {
        Catalog catalog = catalogs.get();
        List<Catalog.Counter> known = counterIds.stream().map(catalog.counters()::get)
                .filter(java.util.Objects::nonNull).toList();
        return known.isEmpty() ? Future.succeededFuture()
                : states(known).onSuccess(states -> states.forEach(events::counterChanged)).mapEmpty();
    }

    private Future<CounterState> state(Catalog.Counter counter) {
        return states(List.of(counter)).map(states -> states.get(0));
    }

    /** The counters' stored states and the tickets at them, read together; in the order given. */
    private Future<List<CounterState>> states(List<Catalog.Counter> of) {
        String[] ids = of.stream().map(Catalog.Counter::id).toArray(String[]::new);
        Future<Map<String, CounterStore.StateRow>> rows = counters.states(ids);
        Future<List<Ticket>> active = tickets.activeAt(ids);
        return Future.all(rows, active).map(both -> of.stream()
                .map(counter -> state(counter, Optional.ofNullable(rows.result().get(counter.id())),
                        active.result().stream().filter(ticket -> counter.id().equals(ticket.counterId()))
                                .findFirst()))
                .toList());
    }

    private static CounterState state(Catalog.Counter counter, Optional<CounterStore.StateRow> row,
                                      Optional<Ticket> current) {
        return row.map(found -> new CounterState(counter, found.status(), found.agentId(), found.agentName(),
                found.since(), found.pauseReason(), current)).orElseGet(() -> CounterState.neverOpened(counter, current));
    }

    private Catalog.Counter operable(Principal principal, String counterId) {
        Catalog.Counter counter = catalogs.get().counter(counterId);
        AccessPolicy.require(principal, Action.OPERATE_COUNTER, AccessPolicy.Scope.site(counter.siteId()));
        return counter;
    }

    private Future<CounterState> changeHeld(Principal principal, String counterId, CounterStore.Change change) {
        Catalog.Counter counter = operable(principal, counterId);
        return state(counter).compose(state -> {
            Long holder = state.agentId();
            if (!AccessPolicy.allows(principal, Action.OPERATE_HELD_COUNTER,
                    AccessPolicy.Scope.heldBy(counter.siteId(), holder))) {
                throw Failure.conflict("counter_taken", counter.name() + " is open by another agent.");
            }
            if (!List.of(change.from()).contains(state.status())) {
                throw Failure.conflict("illegal_counter_transition", counter.name() + " is "
                        + state.status().toLowerCase(Locale.ROOT) + "; it cannot be "
                        + change.event().toLowerCase(Locale.ROOT) + "d now.");
            }
            if (state.currentTicket().isPresent()) {
                throw Failure.conflict("counter_busy", "Finish, transfer or requeue ticket "
                        + state.currentTicket().get().number() + " first.");
            }
            // A supervisor acting on a colleague's counter leaves it the colleague's; the change is recorded as the
            // supervisor's.
            return change(counter, holder == null ? principal.agentId() : holder, principal.agentId(), change);
        });
    }

    /** @param agentId the agent holding the counter; {@code actedBy}: who makes the change */
    private Future<CounterState> change(Catalog.Counter counter, Long agentId, Long actedBy,
                                        CounterStore.Change change) {
        Instant now = clock.instant();
        return counters.change(counter.id(), counter.siteId(), agentId, actedBy, now, change)
                .compose(changed -> {
                    if (!changed) {
                        throw Failure.conflict("illegal_counter_transition",
                                counter.name() + " changed meanwhile; reload and try again.");
                    }
                    return state(counter);
                })
                .onSuccess(events::counterChanged);
    }
}
