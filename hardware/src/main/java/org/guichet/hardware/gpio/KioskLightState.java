package org.guichet.hardware.gpio;

/** What the kiosk's status light tells visitors and staff, and which lamps show it. */
public enum KioskLightState {
    /** Green: take a ticket. */
    READY(true, false, false),
    /** Amber: a ticket is being printed. */
    PRINTING(false, true, false),
    /** Red: the kiosk cannot issue tickets (printer out of paper, cover open, fault). */
    OUT_OF_ORDER(false, false, true),
    /** Red and amber: the server is unreachable; the kiosk retries by itself. */
    OFFLINE(false, true, true);

    private final boolean green;
    private final boolean amber;
    private final boolean red;

    KioskLightState(boolean green, boolean amber, boolean red) {
        this.green = green;
        this.amber = amber;
        this.red = red;
    }

    public boolean lights(LampColor color) {
        return switch (color) {
            case GREEN -> green;
            case AMBER -> amber;
            case RED -> red;
        };
    }
}
