package org.guichet.hardware.gpio;

import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;

/** How the buttons are wired to their GPIO pins. */
public enum ButtonWiring {
    /** Button between the pin and ground, internal pull-up: pressed reads LOW. The usual Raspberry Pi wiring. */
    TO_GROUND_WITH_PULL_UP(PullResistance.PULL_UP, DigitalState.LOW),
    /** Button between the pin and 3.3 V, internal pull-down: pressed reads HIGH. */
    TO_3V3_WITH_PULL_DOWN(PullResistance.PULL_DOWN, DigitalState.HIGH);

    private final PullResistance pull;
    private final DigitalState pressedState;

    ButtonWiring(PullResistance pull, DigitalState pressedState) {
        this.pull = pull;
        this.pressedState = pressedState;
    }

    PullResistance pull() {
        return pull;
    }

    DigitalState pressedState() {
        return pressedState;
    }
}
