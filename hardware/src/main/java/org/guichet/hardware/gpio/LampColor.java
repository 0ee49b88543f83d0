package org.guichet.hardware.gpio;

/** The lamps of the kiosk's status light. */
public enum LampColor {
    GREEN,
    AMBER,
    RED
}
