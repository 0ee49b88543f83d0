package org.guichet.kiosk.core;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.guichet.hardware.printer.PrinterCondition;
import org.guichet.hardware.printer.PrinterStatus;
import org.guichet.hardware.printer.TicketSlip;
import org.guichet.kiosk.config.KioskConfig;
import org.guichet.kiosk.printing.PrinterLink;
import org.guichet.kiosk.printing.Slips;
import org.guichet.kiosk.server.IssueRequest;
import org.guichet.kiosk.server.IssuedTicket;
import org.guichet.kiosk.server.Menu;
import org.guichet.kiosk.server.MenuEntry;
import org.guichet.kiosk.server.Opening;
import org.guichet.kiosk.server.ServerApi;
import org.guichet.kiosk.server.ServerCallException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The kiosk itself: keeps the menu, watches the server and the printer, and turns a visitor's choice into a printed
 * ticket. All state lives on one Vert.x context; the periodic checks, the visitor requests and their results all run
 * there, so nothing here needs a lock.
 * <p>
 * Rules kept here: the printer is asked before any ticket is issued, and a ticket is only issued when it can be
 * printed; one visitor action (one key) gives at most one ticket and one printout, retries included; requests are
 * served one at a time, in order.
 */
public final class Kiosk {

    private static final Logger LOG = LoggerFactory.getLogger(Kiosk.class);
    private static final int REMEMBERED_ACTIONS = 64;

    private final Vertx vertx;
    private final Context context;
    private final KioskConfig config;
    private final ServerApi server;
    private final PrinterLink printer;
    private final List<Consumer<KioskHealth>> listeners = new CopyOnWriteArrayList<>();
    private final ScreenButtonPresses screenButtons = new ScreenButtonPresses();
    private final Map<String, Future<TicketOutcome>> recentActions = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Future<TicketOutcome>> eldest) {
            return size() > REMEMBERED_ACTIONS;
        }
    };
    private final List<Long> timers = new ArrayList<>();
    private long openingTimer = -1;

    private volatile KioskHealth health;
    private volatile Menu menu;
    /** The version (ETag) of {@link #menu}, asked about on every server check. */
    private String menuTag;
    private String siteId;
    private Future<?> lastRequest = Future.succeededFuture();
    private boolean checkingServer;
    private boolean pollingPrinter;
    private String lastReportedHealth;

    public Kiosk(Vertx vertx, Context context, KioskConfig config, ServerApi server, PrinterLink printer) {
        this.vertx = vertx;
        this.context = context;
        this.config = config;
        this.server = server;
        this.printer = printer;
        this.health = KioskHealth.starting(config.printer().trustUnknownStatus());
    }

    /** Starts the periodic checks and runs the first ones now. Call on the kiosk's context. */
    public void start() {
        timers.add(vertx.setPeriodic(config.server().healthCheckEvery().toMillis(), id -> checkServer()));
        timers.add(vertx.setPeriodic(config.server().heartbeatEvery().toMillis(), id -> sendHeartbeat()));
        timers.add(vertx.setPeriodic(config.printer().pollEvery().toMillis(), id -> pollPrinter()));
        timers.add(vertx.setPeriodic(config.server().menuRefreshEvery().toMillis(), id -> refreshMenu()));
        pollPrinter();
        checkServer();
    }

    public Future<Void> stop() {
        timers.forEach(vertx::cancelTimer);
        timers.clear();
        vertx.cancelTimer(openingTimer);
        return lastRequest.transform(done -> printer.close()).eventually(server::close);
    }

    public KioskHealth health() {
        return health;
    }

    public Optional<Menu> menu() {
        return Optional.ofNullable(menu);
    }

    public KioskConfig config() {
        return config;
    }

    /** The Guichet server the kiosk's requests go to now (the first configured that answers). */
    public java.net.URI serverInUse() {
        return server.serverInUse();
    }

    /** The physical buttons mapped to drive the screen (accessible, next, select), heard by the touch UI. */
    public ScreenButtonPresses screenButtons() {
        return screenButtons;
    }

    /** Told of every change of health, on the kiosk's context (and once at once with the current health). */
    public void onHealthChange(Consumer<KioskHealth> listener) {
        listeners.add(listener);
        context.runOnContext(ignored -> listener.accept(health));
    }

    /** Serves a visitor's request from any thread (a button press arrives on Pi4J's thread). */
    public Future<TicketOutcome> submit(VisitorRequest request) {
        Promise<TicketOutcome> result = Promise.promise();
        context.runOnContext(ignored -> take(request).onComplete(result));
        return result.future();
    }

    /**
     * Serves a visitor's request; call on the kiosk's context. The same action key again (a double tap, the UI
     * retrying) gets the same outcome and no second printout; after a failure it is tried again, with the same key.
     */
    public Future<TicketOutcome> take(VisitorRequest request) {
        Future<TicketOutcome> known = recentActions.get(request.actionKey());
        if (known != null) {
            return known;
        }
        Future<TicketOutcome> outcome = lastRequest.transform(previous -> serve(request));
        lastRequest = outcome;
        recentActions.put(request.actionKey(), outcome);
        outcome.onFailure(failure -> recentActions.remove(request.actionKey(), outcome));
        return outcome;
    }

    private Future<TicketOutcome> serve(VisitorRequest request) {
        Menu current = menu;
        MenuEntry entry = current == null ? null : current.find(request.entryId()).orElse(null);
        if (entry == null) {
            return refused(current == null ? KioskFailure.forReason(health.reason())
                    : new KioskFailure(KioskFailure.Code.UNKNOWN_ENTRY, "No menu entry " + request.entryId()));
        }
        if (entry.isMenu()) {
            return refused(new KioskFailure(KioskFailure.Code.NOT_ISSUABLE, entry.id() + " is a sub-menu"));
        }
        if (entry.isService() && !current.opening().issuing()) {
            return refused(closed(current.opening()));
        }
        KioskHealth.Reason serverReason = health.withPrinter(PrinterStatus.online()).reason();
        if (entry.isService() && serverReason != KioskHealth.Reason.NONE) {
            if (health.connection() == KioskHealth.Connection.UNREACHABLE) {
                checkServer();
            }
            return refused(KioskFailure.forReason(serverReason));
        }
        return printer.readStatus().compose(status -> {
            notePrinterStatus(status);
            if (!health.printerReady()) {
                return refused(KioskFailure.forReason(KioskHealth.Reason.PRINTER));
            }
            updateHealth(health.withPrinting(true));
            Future<TicketOutcome> served = entry.isOrientation()
                    ? printOrientation(entry, request.language())
                    : issueAndPrint(current, entry, request);
            return served.eventually(() -> {
                updateHealth(health.withPrinting(false));
                return Future.succeededFuture();
            });
        });
    }

    private Future<TicketOutcome> issueAndPrint(Menu current, MenuEntry entry, VisitorRequest request) {
        IssueRequest issue = new IssueRequest(entry.id(), request.priority(), request.language(), request.actionKey());
        return server.issue(issue, config.server().issueAttempts(), config.server().retryDelay())
                .recover(failure -> {
                    noteServerFailure(failure);
                    KioskFailure refusal = switch (failure instanceof ServerCallException call ? call.kind()
                            : ServerCallException.Kind.UNREACHABLE) {
                        case UNREACHABLE -> KioskFailure.forReason(KioskHealth.Reason.SERVER);
                        case UNAUTHORISED -> KioskFailure.forReason(KioskHealth.Reason.NOT_REGISTERED);
                        case REJECTED -> ServerCallException.hasCode(failure, "site_closed")
                                ? new KioskFailure(KioskFailure.Code.SITE_CLOSED, "The server refused a ticket for "
                                + entry.id() + ": the site is closed")
                                : ServerCallException.hasCode(failure, "issuing_throttled")
                                ? new KioskFailure(KioskFailure.Code.BUSY, "The server refused a ticket for "
                                + entry.id() + ": this kiosk issued too many tickets just now")
                                : new KioskFailure(KioskFailure.Code.SERVICE_UNAVAILABLE,
                                "The server refused a ticket for " + entry.id() + ": " + failure.getMessage());
                    };
                    if (refusal.code() == KioskFailure.Code.SITE_CLOSED) {
                        // Read the menu before answering, so that the page's next look shows when it opens again.
                        return loadMenu(siteId).otherwiseEmpty().compose(read -> refused(refusal));
                    }
                    if (refusal.code() == KioskFailure.Code.SERVICE_UNAVAILABLE) {
                        refreshMenu();
                    }
                    return refused(refusal);
                })
                .compose(ticket -> {
                    LOG.info("Ticket {} issued for {} ({}, {}){}", ticket.number(), entry.id(), ticket.priority(),
                            ticket.language(), ticket.replayed() ? " — replayed for the same key" : "");
                    TicketSlip slip = Slips.ticket(current, ticket, config.server().publicUrl(), request.largePrint());
                    return printer.print(slip)
                            .map(printed -> TicketOutcome.ticket(ticket, true))
                            .recover(printFailure -> {
                                LOG.error("Ticket {} was issued but could not be printed; the screen shows its number",
                                        ticket.number());
                                pollPrinter();
                                return Future.succeededFuture(TicketOutcome.ticket(ticket, false));
                            });
                });
    }

    /**
     * Checks a visitor in with their appointment's code (language null: the one they booked in) and prints their
     * ticket; one check-in at a time, as tickets,
     * and the same action key again gets the same outcome.
     */
    public Future<TicketOutcome> checkIn(String code, String language, String actionKey, boolean largePrint) {
        return checkIn(language, actionKey, largePrint,
                () -> server.checkIn(siteId, code, language, config.server().issueAttempts(),
                        config.server().retryDelay()));
    }

    /** The same for an appointment the visitor picked from those at hand, having lost their code. */
    public Future<TicketOutcome> checkInPicked(long appointmentId, String language, String actionKey,
                                               boolean largePrint) {
        return checkIn(language, actionKey, largePrint,
                () -> server.checkInPicked(siteId, appointmentId, language, config.server().issueAttempts(),
                        config.server().retryDelay()));
    }

    /** The site's services taking appointments, or one's appointments a visitor may check in for now. */
    public Future<io.vertx.core.json.JsonArray> appointments(String serviceId) {
        if (siteId == null) {
            return refused(KioskFailure.forReason(health.reason()));
        }
        return (serviceId == null ? server.appointmentServices(siteId) : server.appointmentsAtHand(siteId, serviceId))
                .recover(failure -> {
                    noteServerFailure(failure);
                    return refused(KioskFailure.forReason(KioskHealth.Reason.SERVER));
                });
    }

    private Future<TicketOutcome> checkIn(String language, String actionKey, boolean largePrint,
                                          java.util.function.Supplier<Future<IssuedTicket>> send) {
        Future<TicketOutcome> known = recentActions.get(actionKey);
        if (known != null) {
            return known;
        }
        Future<TicketOutcome> outcome = lastRequest.transform(previous -> serveCheckIn(send, largePrint));
        lastRequest = outcome;
        recentActions.put(actionKey, outcome);
        outcome.onFailure(failure -> recentActions.remove(actionKey, outcome));
        return outcome;
    }

    private Future<TicketOutcome> serveCheckIn(java.util.function.Supplier<Future<IssuedTicket>> send,
                                               boolean largePrint) {
        Menu current = menu;
        KioskHealth.Reason serverReason = health.withPrinter(PrinterStatus.online()).reason();
        if (current == null || siteId == null || serverReason != KioskHealth.Reason.NONE) {
            return refused(KioskFailure.forReason(current == null ? health.reason() : serverReason));
        }
        return printer.readStatus().compose(status -> {
            notePrinterStatus(status);
            if (!health.printerReady()) {
                return refused(KioskFailure.forReason(KioskHealth.Reason.PRINTER));
            }
            updateHealth(health.withPrinting(true));
            return send.get()
                    .recover(failure -> {
                        noteServerFailure(failure);
                        return refused(checkInRefusal(failure));
                    })
                    .compose(ticket -> {
                        LOG.info("Ticket {} issued for an appointment ({})", ticket.number(), ticket.language());
                        // Printed in the ticket's language: the booking's, unless the visitor chose one here.
                        return printer.print(Slips.ticket(current, ticket, config.server().publicUrl(), largePrint))
                                .map(printed -> TicketOutcome.ticket(ticket, true))
                                .recover(printFailure -> {
                                    LOG.error("Ticket {} was issued but could not be printed", ticket.number());
                                    pollPrinter();
                                    return Future.succeededFuture(TicketOutcome.ticket(ticket, false));
                                });
                    })
                    .eventually(() -> {
                        updateHealth(health.withPrinting(false));
                        return Future.succeededFuture();
                    });
        });
    }

    /** What the visitor is told when the server refuses a check-in. */
    private static KioskFailure checkInRefusal(Throwable failure) {
        if (!(failure instanceof ServerCallException call)) {
            return KioskFailure.forReason(KioskHealth.Reason.SERVER);
        }
        return switch (call.kind()) {
            case UNREACHABLE -> KioskFailure.forReason(KioskHealth.Reason.SERVER);
            case UNAUTHORISED -> KioskFailure.forReason(KioskHealth.Reason.NOT_REGISTERED);
            case REJECTED -> ServerCallException.hasCode(failure, "appointment_too_early")
                    ? new KioskFailure(KioskFailure.Code.APPOINTMENT_TOO_EARLY, "Check-in refused: too early")
                    : ServerCallException.hasCode(failure, "appointment_missed")
                      || ServerCallException.hasCode(failure, "appointment_not_at_hand")
                    ? new KioskFailure(KioskFailure.Code.APPOINTMENT_MISSED, "Check-in refused: appointment missed")
                    : ServerCallException.hasCode(failure, "issuing_throttled")
                    ? new KioskFailure(KioskFailure.Code.BUSY, "Check-in refused: this kiosk issued too many tickets")
                    : new KioskFailure(KioskFailure.Code.APPOINTMENT_UNKNOWN, "Check-in refused: "
                                       + call.errorCode());
        };
    }

    private Future<TicketOutcome> printOrientation(MenuEntry entry, String language) {
        return printer.print(Slips.orientation(entry, language))
                .map(printed -> {
                    LOG.info("Orientation slip printed for {}", entry.id());
                    return TicketOutcome.orientation(entry, language);
                })
                .recover(failure -> {
                    pollPrinter();
                    return refused(KioskFailure.forReason(KioskHealth.Reason.PRINTER));
                });
    }

    private static KioskFailure closed(Opening opening) {
        return new KioskFailure(KioskFailure.Code.SITE_CLOSED, "The site issues no ticket now ("
                + opening.reason() + "); next opening " + opening.nextOpening());
    }

    private <T> Future<T> refused(KioskFailure failure) {
        LOG.warn("No ticket: {}", failure.getMessage());
        return Future.failedFuture(failure);
    }

    // ---- server watch ----

    private void checkServer() {
        if (checkingServer) {
            return;
        }
        checkingServer = true;
        if (!server.hasToken() || health.connection() == KioskHealth.Connection.NOT_REGISTERED) {
            config.server().token().read().ifPresent(server::token);
        }
        reachServer()
                .recover(failure -> ServerCallException.isUnreachable(failure)
                        && health.connection() == KioskHealth.Connection.ONLINE
                        // one dropped keep-alive connection is not an outage: ask again before saying so
                        ? vertx.timer(100).compose(waited -> reachServer())
                        : Future.failedFuture(failure))
                .onSuccess(ready -> {
                    setConnection(KioskHealth.Connection.ONLINE, null);
                    if (!report().encode().equals(lastReportedHealth)) {
                        sendHeartbeat();    // e.g. now on another server: supervision shows which
                    }
                })
                .onFailure(this::noteServerFailure)
                .onComplete(done -> checkingServer = false);
    }

    /**
     * Asks who the kiosk is, then whether its menu changed: with the menu's ETag, an unchanged menu costs the server
     * a 304, so a change made by an administrator shows within one check ({@code server.healthCheckEvery}, 5 s).
     */
    private Future<Void> reachServer() {
        return server.siteOfThisKiosk().compose(this::loadMenu);
    }

    private Future<Void> loadMenu(String site) {
        String known = menu != null && site.equals(siteId) ? menuTag : null;
        return server.menu(site, known).map(answer -> {
            Menu loaded = answer.menu();
            if (loaded == null) {
                return null;    // 304: the menu the kiosk has is the current one
            }
            if (!Objects.equals(site, siteId)) {
                LOG.info("Kiosk of site {} ({}): {} menu entries", site, loaded.siteName(), loaded.entries().size());
            } else if (known != null) {
                LOG.info("Menu of site {} changed on the server: {} entries", site, loaded.entries().size());
            }
            menuTag = answer.etag();
            siteId = site;
            if (menu == null || menu.opening().issuing() != loaded.opening().issuing()) {
                LOG.info("Site {} {}", site, loaded.opening().issuing() ? "issues tickets"
                        : "issues no ticket now (" + loaded.opening().reason() + ")");
            }
            menu = loaded;
            readAgainWhenOpeningChanges(loaded.opening());
            return null;
        });
    }

    /** The menu is read again a second after the server said the site opens or stops issuing. */
    private void readAgainWhenOpeningChanges(Opening opening) {
        vertx.cancelTimer(openingTimer);
        openingTimer = opening.nextChange()
                .map(delay -> vertx.setTimer(delay.toMillis() + 1000, id -> refreshMenu()))
                .orElse(-1L);
    }

    private void refreshMenu() {
        if (siteId != null && health.connection() == KioskHealth.Connection.ONLINE) {
            loadMenu(siteId).onFailure(this::noteServerFailure);
        }
    }

    // ---- pairing ----

    /**
     * Redeems a pairing code for this kiosk's token, from any thread: writes it to the token file (where the next
     * start reads it), uses it at once, and checks the server. Answers the server's answer without the token. Fails
     * with {@link IllegalStateException} when the token could not be kept (no token file configured, the environment
     * variable set, a directory not writable: checked before the code is spent), or {@link ServerCallException}.
     */
    public Future<JsonObject> pair(String code) {
        Promise<JsonObject> result = Promise.promise();
        context.runOnContext(ignored -> {
            Optional<String> cannotKeep = config.server().token().whyNotWritable();
            if (cannotKeep.isPresent()) {
                result.fail(new IllegalStateException(cannotKeep.get()));
                return;
            }
            server.pair(code)
                    .compose(paired -> vertx.executeBlocking(() -> {
                        config.server().token().write(paired.getString("token"));
                        return paired;
                    }))
                    .map(paired -> {
                        server.token(paired.getString("token"));
                        LOG.info("Paired as device {}: its token is written to {}", paired.getString("deviceId"),
                                config.server().token().describe());
                        checkServer();
                        JsonObject answer = paired.copy();
                        answer.remove("token");
                        return answer;
                    })
                    .onComplete(result);
        });
        return result.future();
    }

    private void noteServerFailure(Throwable failure) {
        if (failure instanceof ServerCallException call) {
            switch (call.kind()) {
                case UNREACHABLE -> setConnection(KioskHealth.Connection.UNREACHABLE, failure.getMessage());
                case UNAUTHORISED -> setConnection(KioskHealth.Connection.NOT_REGISTERED, failure.getMessage()
                        + " (token from " + config.server().token().describe() + ")");
                case REJECTED -> LOG.warn("The server refused a request: {}", failure.getMessage());
            }
        } else {
            LOG.error("Unexpected failure talking to the server", failure);
            setConnection(KioskHealth.Connection.UNREACHABLE, failure.toString());
        }
    }

    private void setConnection(KioskHealth.Connection connection, String why) {
        KioskHealth.Connection before = health.connection();
        if (before == connection) {
            return;
        }
        switch (connection) {
            case ONLINE -> LOG.info("Server {} reachable{}", server.serverInUse(),
                    before == KioskHealth.Connection.STARTING ? "" : " again");
            case UNREACHABLE -> LOG.warn("{} unreachable, checking again every {} ms: {}",
                    server.servers().size() == 1 ? "Server " + server.serverInUse()
                            : "Every server " + server.servers(),
                    config.server().healthCheckEvery().toMillis(), why);
            case NOT_REGISTERED -> LOG.error("The server refuses this kiosk's token: {}. Pair the kiosk (an "
                    + "administrator asks POST /api/v1/admin/devices/<id>/pairing, then POST the code to this kiosk's "
                    + "http://127.0.0.1:<port>/api/pair) or install a token.", why);
            case STARTING -> {
            }
        }
        if (connection != KioskHealth.Connection.ONLINE) {
            // The server will not have heard of us meanwhile: report again as soon as it is back.
            lastReportedHealth = null;
        }
        updateHealth(health.withConnection(connection));
    }

    private void sendHeartbeat() {
        if (health.connection() != KioskHealth.Connection.ONLINE) {
            return;
        }
        JsonObject report = report();
        server.heartbeat(report)
                .onSuccess(sent -> {
                    lastReportedHealth = report.encode();
                    // Two reports sent close together may arrive in either order: the server must end with the last.
                    if (!report().encode().equals(lastReportedHealth)) {
                        sendHeartbeat();
                    }
                })
                .onFailure(failure -> {
                    if (ServerCallException.isUnreachable(failure)) {
                        LOG.debug("Heartbeat not delivered: {}", failure.getMessage());
                        checkServer();
                    } else {
                        noteServerFailure(failure);
                    }
                });
    }

    // ---- printer watch ----

    private void pollPrinter() {
        if (pollingPrinter) {
            return;
        }
        pollingPrinter = true;
        printer.readStatus()
                .onSuccess(this::notePrinterStatus)
                .onComplete(done -> pollingPrinter = false);
    }

    private void notePrinterStatus(PrinterStatus status) {
        PrinterStatus before = health.printer();
        if (!status.equals(before)) {
            KioskHealth next = health.withPrinter(status);
            if (!next.printerReady()) {
                LOG.warn("Printer {} cannot print: {}", printer.description(), status.conditions());
            } else if (status.has(PrinterCondition.PAPER_NEAR_END)) {
                LOG.warn("Printer {} paper near end: change the roll soon", printer.description());
            } else {
                LOG.info("Printer {} ready: {}", printer.description(), status.conditions());
            }
        }
        updateHealth(health.withPrinter(status));
    }

    // ---- health ----

    private void updateHealth(KioskHealth next) {
        if (next.equals(health)) {
            return;
        }
        health = next;
        for (Consumer<KioskHealth> listener : listeners) {
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                LOG.error("Health listener failed", e);
            }
        }
        if (!report().encode().equals(lastReportedHealth)) {
            sendHeartbeat();
        }
    }

    /** The health report sent to the server: the kiosk's health and the server it uses, as supervision shows it. */
    private JsonObject report() {
        return health.heartbeat().put("server", server.serverInUse().toString());
    }
}
