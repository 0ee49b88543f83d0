package org.guichet.hardware.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The kiosk's three-lamp status light (green, amber, red) on GPIO outputs. All lamps are off until the first
 * {@link #show}, and go off again on {@link #close} and when Pi4J shuts down. Lamps are steady, never blinking.
 * <p>
 * The Pi4J {@link Context} is given, never created here.
 */
public final class StatusLight implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StatusLight.class);

    private final Context pi4j;
    private final StatusLightPins pins;
    private final Map<LampColor, DigitalOutput> lamps = new EnumMap<>(LampColor.class);
    private KioskLightState current;

    public StatusLight(Context pi4j, StatusLightPins pins) {
        this.pi4j = Objects.requireNonNull(pi4j, "pi4j");
        this.pins = Objects.requireNonNull(pins, "pins");
        try {
            for (LampColor color : LampColor.values()) {
                lamps.put(color, pi4j.create(DigitalOutput.newConfigBuilder(pi4j)
                        .id(outputIdFor(color))
                        .name("Status light " + color.name().toLowerCase())
                        .address(pins.pinOf(color))
                        .initial(levelFor(false))
                        .shutdown(levelFor(false))));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Pi4J id of a lamp's output, e.g. "status-light-green". */
    public static String outputIdFor(LampColor color) {
        return "status-light-" + color.name().toLowerCase();
    }

    public synchronized void show(KioskLightState state) {
        Objects.requireNonNull(state, "state");
        for (Map.Entry<LampColor, DigitalOutput> lamp : lamps.entrySet()) {
            lamp.getValue().state(levelFor(state.lights(lamp.getKey())));
        }
        current = state;
    }

    /** The state last shown; empty before the first {@link #show}. */
    public synchronized Optional<KioskLightState> current() {
        return Optional.ofNullable(current);
    }

    /** Turns every lamp off and releases the outputs. */
    @Override
    public synchronized void close() {
        for (DigitalOutput lamp : lamps.values()) {
            try {
                lamp.state(levelFor(false));
                pi4j.shutdown(lamp.id());
            } catch (RuntimeException e) {
                LOG.warn("Could not release status light output {}: {}", lamp.id(), e.getMessage());
            }
        }
        lamps.clear();
        current = null;
    }

    private DigitalState levelFor(boolean lit) {
        return lit != pins.activeLow() ? DigitalState.HIGH : DigitalState.LOW;
    }
}
