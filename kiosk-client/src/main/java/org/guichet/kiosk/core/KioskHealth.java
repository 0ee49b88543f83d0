package org.guichet.kiosk.core;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.hardware.gpio.KioskLightState;
import org.guichet.hardware.printer.PrinterCondition;
import org.guichet.hardware.printer.PrinterStatus;

import java.util.Set;

/**
 * What the kiosk knows about itself at one moment, and everything derived from it: whether a ticket may be issued,
 * why not, what the light shows and what the server is told. Pure; no I/O.
 *
 * @param connection         where the kiosk stands with the server
 * @param printer            last printer status read, or null before the first reading
 * @param printing           a visitor's ticket is being issued and printed right now
 * @param trustUnknownStatus print even when the printer cannot report its status
 */
public record KioskHealth(Connection connection, PrinterStatus printer, boolean printing, boolean trustUnknownStatus) {

    public enum Connection {
        /** No answer from the server yet since the kiosk started. */
        STARTING,
        /** The server answers, the token is valid and the menu is loaded. */
        ONLINE,
        /** The server does not answer (network, server stopped, 5xx); checked again periodically. */
        UNREACHABLE,
        /** The server refuses the device token: the kiosk must be registered (again) by an administrator. */
        NOT_REGISTERED
    }

    /** Why no ticket can be issued now; NONE when one can. */
    public enum Reason {
        NONE,
        STARTING,
        NOT_REGISTERED,
        PRINTER,
        SERVER
    }

    public static KioskHealth starting(boolean trustUnknownStatus) {
        return new KioskHealth(Connection.STARTING, null, false, trustUnknownStatus);
    }

    public KioskHealth withConnection(Connection other) {
        return new KioskHealth(other, printer, printing, trustUnknownStatus);
    }

    public KioskHealth withPrinter(PrinterStatus other) {
        return new KioskHealth(connection, other, printing, trustUnknownStatus);
    }

    public KioskHealth withPrinting(boolean other) {
        return new KioskHealth(connection, printer, other, trustUnknownStatus);
    }

    /** True when the last status says a slip will come out. */
    public boolean printerReady() {
        if (printer == null) {
            return false;
        }
        return printer.canPrint() || trustUnknownStatus && printer.conditions().equals(Set.of(PrinterCondition.UNKNOWN));
    }

    public Reason reason() {
        if (connection == Connection.STARTING || printer == null) {
            return Reason.STARTING;
        }
        if (connection == Connection.NOT_REGISTERED) {
            return Reason.NOT_REGISTERED;
        }
        if (!printerReady()) {
            return Reason.PRINTER;
        }
        if (connection == Connection.UNREACHABLE) {
            return Reason.SERVER;
        }
        return Reason.NONE;
    }

    public boolean canIssue() {
        return reason() == Reason.NONE;
    }

    /** The lamp shown: a fault staff must fix (printer, registration) wins over a network outage that heals itself. */
    public KioskLightState light() {
        return switch (reason()) {
            case NOT_REGISTERED, PRINTER -> KioskLightState.OUT_OF_ORDER;
            case STARTING, SERVER -> KioskLightState.OFFLINE;
            case NONE -> printing ? KioskLightState.PRINTING : KioskLightState.READY;
        };
    }

    /** The state reported to the server: READY, OUT_OF_ORDER or OFFLINE (printing counts as READY). */
    public String reportedState() {
        KioskLightState light = light();
        return light == KioskLightState.PRINTING ? KioskLightState.READY.name() : light.name();
    }

    /** Body of POST /api/v1/devices/heartbeat. */
    public JsonObject heartbeat() {
        JsonArray conditions = new JsonArray();
        if (printer != null) {
            printer.conditions().stream().map(Enum::name).sorted().forEach(conditions::add);
        } else {
            conditions.add(PrinterCondition.UNKNOWN.name());
        }
        return new JsonObject().put("kind", "kiosk").put("state", reportedState())
                .put("printer", new JsonObject().put("canPrint", printerReady()).put("conditions", conditions));
    }
}
