package org.guichet.kiosk.core;

import java.util.Locale;

/**
 * A physical button that drives the touch screen instead of issuing a ticket itself, so that a visitor who cannot
 * reach or see the screen takes a ticket with the buttons alone (see kiosk-client/README.md, "Accessible mode").
 */
public enum ScreenButton {
    /** Turns the accessible mode on; in it, says the screen again. */
    ACCESSIBLE,
    /** Moves to the next choice on the screen and says it. */
    NEXT,
    /** Chooses the choice the visitor is on. */
    SELECT;

    /** Its name in the config and in the page's events: "accessible", "next", "select". */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ScreenButton fromConfigName(String name) {
        for (ScreenButton button : values()) {
            if (button.configName().equals(name)) {
                return button;
            }
        }
        throw new IllegalArgumentException("unknown screen button '" + name + "': accessible, next or select");
    }
}
