package org.guichet.hardware.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeEvent;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Physical buttons of a kiosk, one GPIO input each, reporting one {@link ButtonPressListener#onPress} per press.
 * <p>
 * Debouncing happens twice: Pi4J is asked to debounce each input, and a software guard accepts a press edge only
 * when the contact has been still, released, for the whole debounce time. A press is reported on its first edge
 * (no added delay); the bounces that follow it, and those of the release, are ignored.
 * <p>
 * The Pi4J {@link Context} is given, never created here: the real GPIO context on a kiosk, a mock one in tests.
 * So is the clock the guard measures stillness with: the system's, or one that a test moves by hand.
 */
public final class ButtonPanel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ButtonPanel.class);

    private final Context pi4j;
    private final ButtonPanelConfig config;
    private final ButtonPressListener listener;
    private final MonotonicClock clock;
    private final List<Button> buttons = new ArrayList<>();

    public ButtonPanel(Context pi4j, ButtonPanelConfig config, ButtonPressListener listener) {
        this(pi4j, config, listener, MonotonicClock.SYSTEM);
    }

    public ButtonPanel(Context pi4j, ButtonPanelConfig config, ButtonPressListener listener, MonotonicClock clock) {
        this.pi4j = Objects.requireNonNull(pi4j, "pi4j");
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            for (Map.Entry<Integer, String> pinAndId : config.buttonIdsByBcmPin().entrySet()) {
                buttons.add(new Button(pinAndId.getKey(), pinAndId.getValue()));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Pi4J id of the input created for a BCM pin, e.g. "button-bcm17". */
    public static String inputIdForPin(int bcmPin) {
        return "button-bcm" + bcmPin;
    }

    public Set<String> buttonIds() {
        return Set.copyOf(config.buttonIdsByBcmPin().values());
    }

    /** True while the button's contact reads pressed (raw, not debounced). */
    public boolean isPressed(String buttonId) {
        return buttons.stream()
                .filter(button -> button.id.equals(buttonId))
                .findFirst()
                .map(button -> button.input.state() == config.wiring().pressedState())
                .orElseThrow(() -> new IllegalArgumentException("no button " + buttonId));
    }

    /** Stops listening and releases the GPIO inputs. */
    @Override
    public void close() {
        for (Button button : buttons) {
            button.release();
        }
        buttons.clear();
    }

    private final class Button implements DigitalStateChangeListener {

        private final String id;
        private final DigitalInput input;
        private boolean pressed;
        private long lastEdgeAtNanos;
        private boolean anyEdgeSeen;

        Button(int bcmPin, String id) {
            this.id = id;
            this.input = pi4j.create(DigitalInput.newConfigBuilder(pi4j)
                    .id(inputIdForPin(bcmPin))
                    .name("Button " + id)
                    .address(bcmPin)
                    .pull(config.wiring().pull())
                    .debounce(config.debounce().toNanos() / 1000, TimeUnit.MICROSECONDS));
            this.pressed = input.state() == config.wiring().pressedState();
            input.addListener(this);
        }

        @Override
        public void onDigitalStateChange(DigitalStateChangeEvent event) {
            if (acceptsAsNewPress(event.state())) {
                try {
                    listener.onPress(id);
                } catch (RuntimeException e) {
                    LOG.error("Button listener failed for {}", id, e);
                }
            }
        }

        private synchronized boolean acceptsAsNewPress(DigitalState state) {
            long now = clock.nanoTime();
            boolean wasStillLongEnough = !anyEdgeSeen || now - lastEdgeAtNanos >= config.debounce().toNanos();
            boolean wasReleased = !pressed;
            pressed = state == config.wiring().pressedState();
            lastEdgeAtNanos = now;
            anyEdgeSeen = true;
            return pressed && wasReleased && wasStillLongEnough;
        }

        void release() {
            input.removeListener(this);
            try {
                pi4j.shutdown(input.id());
            } catch (RuntimeException e) {
                LOG.warn("Could not release GPIO input {}: {}", input.id(), e.getMessage());
            }
        }
    }
}
