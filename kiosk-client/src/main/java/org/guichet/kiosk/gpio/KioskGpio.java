package org.guichet.kiosk.gpio;

import com.pi4j.context.Context;
import org.guichet.hardware.gpio.ButtonPanel;
import org.guichet.hardware.gpio.ButtonPanelConfig;
import org.guichet.hardware.gpio.MonotonicClock;
import org.guichet.hardware.gpio.StatusLight;
import org.guichet.kiosk.config.KioskConfig;
import org.guichet.kiosk.core.Kiosk;
import org.guichet.kiosk.core.KioskFailure;
import org.guichet.kiosk.core.VisitorRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The kiosk's physical side: each entry button issues and prints a ticket for its menu entry with no screen involved,
 * each screen button (accessible, next, select) is passed to the touch UI, and the status light follows the kiosk's
 * health. Takes the Pi4J context; whoever created it shuts it down. The buttons
 * are debounced on the given clock: the system's on a kiosk, one moved by hand in tests.
 */
public final class KioskGpio implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KioskGpio.class);

    private final StatusLight light;
    private final ButtonPanel buttons;

    public KioskGpio(Context pi4j, KioskConfig.Gpio config, Kiosk kiosk, MonotonicClock buttonClock) {
        StatusLight createdLight = null;
        ButtonPanel createdButtons = null;
        try {
            if (config.light() != null) {
                createdLight = new StatusLight(pi4j, config.light());
                StatusLight lamps = createdLight;
                kiosk.onHealthChange(health -> lamps.show(health.light()));
            }
            if (config.buttons() != null) {
                createdButtons = buttonPanel(pi4j, config.buttons(), kiosk, buttonClock);
            }
        } catch (RuntimeException e) {
            if (createdLight != null) {
                createdLight.close();
            }
            throw e;
        }
        this.light = createdLight;
        this.buttons = createdButtons;
    }

    private static ButtonPanel buttonPanel(Context pi4j, KioskConfig.Buttons config, Kiosk kiosk,
                                           MonotonicClock clock) {
        Map<Integer, String> idsByPin = new LinkedHashMap<>();
        Map<String, KioskConfig.ButtonMapping> mappingById = new LinkedHashMap<>();
        for (KioskConfig.ButtonMapping mapping : config.mappings()) {
            idsByPin.put(mapping.pin(), mapping.buttonId());
            mappingById.put(mapping.buttonId(), mapping);
        }
        return new ButtonPanel(pi4j, new ButtonPanelConfig(idsByPin, config.debounce(), config.wiring()),
                buttonId -> {
                    KioskConfig.ButtonMapping mapping = mappingById.get(buttonId);
                    if (mapping.drivesScreen()) {
                        LOG.debug("Button {} pressed: {} on the screen", buttonId, mapping.screenButton());
                        kiosk.screenButtons().press(mapping.screenButton());
                        return;
                    }
                    LOG.info("Button {} pressed: {} ({})", buttonId, mapping.entryId(), mapping.priority());
                    kiosk.submit(VisitorRequest.newAction(mapping.entryId(), mapping.priority(), config.language()))
                            .onSuccess(outcome -> LOG.info("Button {}: {} printed", buttonId,
                                    outcome.isTicket() ? "ticket " + outcome.ticket().number() : "orientation slip"))
                            .onFailure(failure -> LOG.warn("Button {}: no ticket ({})", buttonId,
                                    failure instanceof KioskFailure refusal ? refusal.code() : failure.toString()));
                }, clock);
    }

    public StatusLight light() {
        return light;
    }

    public ButtonPanel buttons() {
        return buttons;
    }

    @Override
    public void close() {
        if (buttons != null) {
            buttons.close();
        }
        if (light != null) {
            light.close();
        }
    }
}
