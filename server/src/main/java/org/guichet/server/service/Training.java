package org.guichet.server.service;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.AccessPolicy;
import org.guichet.server.domain.AccessPolicy.Action;
import org.guichet.server.domain.AuditEntry;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.Role;
import org.guichet.server.domain.ServiceDay;
import org.guichet.server.domain.SimulatedVisitors;
import org.guichet.server.domain.TrainingActivity;
import org.guichet.server.domain.TrainingSites;
import org.guichet.server.store.TrainingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Training mode: each site may have a training copy where agents practise every action (the tablet, a kiosk and
 * screens in a browser, simulated visitors) and a supervisor follows them. Agents of a site may prepare its copy and
 * practise there; supervisors run the simulated visitors and follow the trainees.
 */
public final class Training {

    private static final Logger LOG = LoggerFactory.getLogger(Training.class);
    static final int LATEST_ACTIONS = 40;

    /** A site of the principal and its copy, prepared or not (then {@code copy} is null). */
    public record Entry(Catalog.Site site, Catalog.Site copy, List<Catalog.Room> rooms) {
    }

    /** What a supervisor sees of a copy: its counters, each trainee's figures and latest actions, the simulation. */
    public record Followed(Catalog.Site copy, List<TrainingActivity.CounterRow> counters,
                           List<TrainingActivity.AgentFigures> agents, List<TrainingActivity.Action> actions,
                           Optional<TrainingActivity.Simulation> simulation) {
    }

    private final TrainingStore store;
    private final Catalogs catalogs;
    private final Devices devices;
    private final TicketIssuer issuer;
    private final Clock clock;
    private final SplittableRandom random = new SplittableRandom();

    public Training(TrainingStore store, Catalogs catalogs, Devices devices, TicketIssuer issuer, Clock clock) {
        this.store = store;
        this.catalogs = catalogs;
        this.devices = devices;
        this.issuer = issuer;
        this.clock = clock;
    }

    /** The real sites of the principal, each with its copy if it has one. */
    public List<Entry> entries(Principal principal) {
        Catalog catalog = catalogs.get();
        return catalog.sites().values().stream()
                .filter(site -> !TrainingSites.isCopy(site.id()) && site.active())
                .filter(site -> AccessPolicy.allows(principal, Action.PRACTISE, AccessPolicy.Scope.site(site.id())))
                .sorted(Comparator.comparing(Catalog.Site::id))
                .map(site -> entry(catalog, site))
                .toList();
    }

    /** Makes the site's copy, or brings it up to date with the site; {@code created} when it did not exist. */
    public Future<Entry> prepare(Principal principal, String address, String siteId) {
        Catalog.Site site = catalogs.get().site(siteId);
        if (TrainingSites.isCopy(site.id())) {
            throw Failure.invalid("'" + siteId + "' is a training copy: prepare the copy of its site.");
        }
        AccessPolicy.require(principal, Action.PRACTISE, AccessPolicy.Scope.site(site.id()));
        String copyId = TrainingSites.copyOf(site.id());
        AuditEntry entry = AuditEntry.of(clock.instant(), AuditEntry.Actor.of(principal, address), "training.prepare",
                "site", copyId, site.id(), null, new JsonObject().put("copyOf", site.id()));
        return store.copy(site.id(), copyId, entry)
                .compose(copied -> copied.isPresent() ? catalogs.changed()
                        : Future.failedFuture(Failure.notFound("No site '" + siteId + "'.")))
                .map(catalog -> entry(catalog, catalog.site(site.id())));
    }

    /**
     * A new token for the screen of a room of a copy, for a browser to open it: the screen's former token stops, so
     * one browser at a time shows a training room.
     */
    public Future<String> screenToken(Principal principal, String address, String roomId) {
        Catalog.Room room = catalogs.get().room(roomId);
        requireCopy(room.siteId());
        AccessPolicy.require(principal, Action.PRACTISE, AccessPolicy.Scope.site(room.siteId()));
        return store.screenOfRoom(room.siteId(), room.id()).compose(device -> device.isPresent()
                ? devices.issueToken(device.get(), AuditEntry.Actor.of(principal, address))
                : Future.failedFuture(Failure.notFound("The training room '" + roomId + "' has no screen: "
                        + "prepare the copy again.")));
    }

    public Future<TrainingActivity.Simulation> startSimulation(Principal principal, String copyId, int perHour,
                                                            int minutes) {
        Catalog.Site copy = runnable(principal, copyId);
        SimulatedVisitors.validate(perHour, Duration.ofMinutes(minutes));
        if (ticketServices(catalogs.get(), copy.id()).isEmpty()) {
            throw Failure.conflict("no_service", copy.name() + " has no service that issues tickets.");
        }
        Instant now = clock.instant();
        return store.startSimulation(copy.id(), perHour, now, now.plus(Duration.ofMinutes(minutes)),
                principal.agentId());
    }

    public Future<Void> stopSimulation(Principal principal, String copyId) {
        return store.stopSimulation(runnable(principal, copyId).id());
    }

    public Future<Followed> follow(Principal principal, String copyId) {
        Catalog.Site copy = runnable(principal, copyId);
        Instant since = ServiceDay.of(clock.instant(), copy.zone()).atStartOfDay(copy.zone()).toInstant();
        Future<List<TrainingActivity.CounterRow>> counters = store.counters(copy.id());
        Future<List<TrainingActivity.AgentFigures>> agents = store.agentFigures(copy.id(), since);
        Future<List<TrainingActivity.Action>> actions = store.latestActions(copy.id(), since, LATEST_ACTIONS);
        Future<Optional<TrainingActivity.Simulation>> simulation = store.simulation(copy.id());
        return Future.all(counters, agents, actions, simulation).map(done -> new Followed(copy, counters.result(),
                agents.result(), actions.result(), simulation.result()));
    }

    /** Issues the visitors due to every running simulation, as the cluster's job does every few seconds. */
    public Future<Integer> drawSimulations() {
        return store.drawDue(clock.instant(), this::draw);
    }

    private Future<Integer> draw(TrainingActivity.Simulation simulation, Instant to) {
        Catalog catalog = catalogs.get();
        List<String> services = ticketServices(catalog, simulation.siteId());
        int count = SimulatedVisitors.arrivals(simulation.perHour(), Duration.between(simulation.lastAt(), to),
                random);
        if (services.isEmpty() || count == 0) {
            return Future.succeededFuture(0);
        }
        Principal simulator = Principal.agent(simulation.startedBy() == null ? 0 : simulation.startedBy(),
                "simulation", Role.AGENT, Set.of(simulation.siteId()));
        List<Future<Boolean>> issued = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SimulatedVisitors.Visitor visitor = SimulatedVisitors.next(services, random);
            issued.add(issuer.issue(simulator, new IssueRequest(simulation.siteId(), visitor.serviceId(),
                            visitor.priority(), "fr", null)).map(ticket -> true)
                    .recover(failure -> {
                        LOG.warn("A simulated visitor of {} got no ticket: {}", simulation.siteId(),
                                failure.getMessage());
                        return Future.succeededFuture(false);
                    }));
        }
        return Future.join(issued).map(done -> (int) issued.stream().filter(Future::result).count());
    }

    private Catalog.Site runnable(Principal principal, String copyId) {
        Catalog.Site copy = catalogs.get().site(copyId);
        requireCopy(copy.id());
        AccessPolicy.require(principal, Action.RUN_TRAINING, AccessPolicy.Scope.site(copy.id()));
        return copy;
    }

    private static void requireCopy(String siteId) {
        if (!TrainingSites.isCopy(siteId)) {
            throw Failure.invalid("not_training", "'" + siteId + "' is a real site, not a training copy.");
        }
    }

    private static List<String> ticketServices(Catalog catalog, String siteId) {
        return catalog.servicesOf(siteId).stream().filter(service -> service.active() && service.issuesTickets())
                .map(Catalog.Service::id).toList();
    }

    private static Entry entry(Catalog catalog, Catalog.Site site) {
        Catalog.Site copy = catalog.sites().get(TrainingSites.copyOf(site.id()));
        return new Entry(site, copy, copy == null ? List.of() : catalog.roomsOf(copy.id()));
    }
}
