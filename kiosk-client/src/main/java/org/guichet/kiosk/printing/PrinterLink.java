package org.guichet.kiosk.printing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import org.guichet.hardware.printer.OrientationSlip;
import org.guichet.hardware.printer.PrinterCondition;
import org.guichet.hardware.printer.PrinterConnections;
import org.guichet.hardware.printer.PrinterStatus;
import org.guichet.hardware.printer.TicketPrinter;
import org.guichet.hardware.printer.TicketSlip;
import org.guichet.kiosk.config.KioskConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Objects;

/**
 * The kiosk's printer, driven from one worker thread so that the event loop never waits on a device and a status
 * question never lands in the middle of a slip. The connection is opened on first use and opened again after it
 * broke (a printer switched off and on, a network printer restarted); a printer that cannot be reached reads as
 * {OFFLINE}.
 */
public final class PrinterLink {

    private static final Logger LOG = LoggerFactory.getLogger(PrinterLink.class);

    private final KioskConfig.Printer settings;
    private final WorkerExecutor worker;
    private TicketPrinter printer;
    private String lastOpenFailure;

    public PrinterLink(Vertx vertx, KioskConfig.Printer settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.worker = vertx.createSharedWorkerExecutor("guichet-printer", 1);
    }

    public String description() {
        return settings.connection();
    }

    /** Asks the printer its status; never fails. */
    public Future<PrinterStatus> readStatus() {
        return worker.executeBlocking(this::readStatusNow, true);
    }

    public Future<Void> print(TicketSlip slip) {
        return worker.executeBlocking(() -> {
            openedPrinter().printTicket(slip);
            return null;
        }, true).<Void>mapEmpty().onFailure(failure -> dropConnectionAfter(failure));
    }

    public Future<Void> print(OrientationSlip slip) {
        return worker.executeBlocking(() -> {
            openedPrinter().printOrientationSlip(slip);
            return null;
        }, true).<Void>mapEmpty().onFailure(failure -> dropConnectionAfter(failure));
    }

    public Future<Void> close() {
        return worker.executeBlocking(() -> {
            closeQuietly();
            return null;
        }, true).<Void>mapEmpty().eventually(worker::close);
    }

    private PrinterStatus readStatusNow() {
        boolean wasOpen = printer != null;
        PrinterStatus status = askOnce();
        if (wasOpen && status.has(PrinterCondition.UNKNOWN) && !settings.trustUnknownStatus()) {
            // The link may have died while idle (printer switched off and on, network printer restarted): the
            // first question went into the void. Ask once more on a fresh connection before calling it a fault.
            status = askOnce();
        }
        return status;
    }

    private PrinterStatus askOnce() {
        TicketPrinter opened;
        try {
            opened = openedPrinter();
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage();
            if (!Objects.equals(reason, lastOpenFailure)) {
                LOG.warn("Printer {} cannot be opened: {}", settings.connection(), reason);
                lastOpenFailure = reason;
            }
            return PrinterStatus.of(PrinterCondition.OFFLINE);
        }
        PrinterStatus status = opened.readStatus();
        if (status.has(PrinterCondition.UNKNOWN) && !settings.trustUnknownStatus()) {
            closeQuietly();
        }
        return status;
    }

    private TicketPrinter openedPrinter() throws IOException {
        if (printer == null) {
            printer = new TicketPrinter(PrinterConnections.open(settings.connection(), settings.statusTimeout()),
                    settings.codePage());
            if (lastOpenFailure != null) {
                LOG.info("Printer {} is reachable again", settings.connection());
            }
            lastOpenFailure = null;
        }
        return printer;
    }

    private void dropConnectionAfter(Throwable failure) {
        LOG.error("Printing on {} failed: {}", settings.connection(), failure.toString());
        worker.executeBlocking(() -> {
            closeQuietly();
            return null;
        }, true);
    }

    private void closeQuietly() {
        if (printer == null) {
            return;
        }
        try {
            printer.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Closing the printer connection failed", e);
        } finally {
            printer = null;
        }
    }
}
