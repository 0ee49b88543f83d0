package org.guichet.hardware.gpio;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Buttons of a kiosk panel.
 *
 * @param buttonIdsByBcmPin logical button id for each BCM GPIO number, e.g. {17 → "service-A", 27 → "service-B"}
 * @param debounce          contacts are ignored for this long after any change (Pi4J input debounce and software guard)
 * @param wiring            how the buttons are wired
 */
public record ButtonPanelConfig(Map<Integer, String> buttonIdsByBcmPin, Duration debounce, ButtonWiring wiring) {

    public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(50);

    public ButtonPanelConfig {
        Objects.requireNonNull(buttonIdsByBcmPin, "buttonIdsByBcmPin");
        Objects.requireNonNull(debounce, "debounce");
        Objects.requireNonNull(wiring, "wiring");
        if (buttonIdsByBcmPin.isEmpty()) {
            throw new IllegalArgumentException("a button panel needs at least one button");
        }
        if (debounce.isNegative()) {
            throw new IllegalArgumentException("debounce must not be negative");
        }
        buttonIdsByBcmPin.forEach((pin, buttonId) -> {
            if (pin == null || pin < 0 || pin > 27) {
                throw new IllegalArgumentException("BCM pin must be between 0 and 27, was " + pin);
            }
            if (buttonId == null || buttonId.isBlank()) {
                throw new IllegalArgumentException("button on BCM " + pin + " needs an id");
            }
        });
        if (buttonIdsByBcmPin.values().stream().distinct().count() != buttonIdsByBcmPin.size()) {
            throw new IllegalArgumentException("button ids must be unique: " + buttonIdsByBcmPin.values());
        }
        buttonIdsByBcmPin = Collections.unmodifiableMap(new LinkedHashMap<>(buttonIdsByBcmPin));
    }

    /** Buttons to ground with pull-ups and the default 50 ms debounce. */
    public static ButtonPanelConfig of(Map<Integer, String> buttonIdsByBcmPin) {
        return new ButtonPanelConfig(buttonIdsByBcmPin, DEFAULT_DEBOUNCE, ButtonWiring.TO_GROUND_WITH_PULL_UP);
    }
}
