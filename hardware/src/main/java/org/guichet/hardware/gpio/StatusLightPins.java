package org.guichet.hardware.gpio;

/**
 * BCM GPIO numbers of the status light's lamps.
 *
 * @param greenBcmPin pin driving the green lamp
 * @param amberBcmPin pin driving the amber lamp
 * @param redBcmPin   pin driving the red lamp
 * @param activeLow   true when a lamp lights on LOW (many relay boards); false when it lights on HIGH (LED to ground)
 */
public record StatusLightPins(int greenBcmPin, int amberBcmPin, int redBcmPin, boolean activeLow) {

    public StatusLightPins {
        for (int pin : new int[] {greenBcmPin, amberBcmPin, redBcmPin}) {
            if (pin < 0 || pin > 27) {
                throw new IllegalArgumentException("BCM pin must be between 0 and 27, was " + pin);
            }
        }
        if (greenBcmPin == amberBcmPin || greenBcmPin == redBcmPin || amberBcmPin == redBcmPin) {
            throw new IllegalArgumentException("each lamp needs its own pin");
        }
    }

    /** LEDs lit on HIGH. */
    public StatusLightPins(int greenBcmPin, int amberBcmPin, int redBcmPin) {
        this(greenBcmPin, amberBcmPin, redBcmPin, false);
    }

    public int pinOf(LampColor color) {
        return switch (color) {
            case GREEN -> greenBcmPin;
            case AMBER -> amberBcmPin;
            case RED -> redBcmPin;
        };
    }
}
