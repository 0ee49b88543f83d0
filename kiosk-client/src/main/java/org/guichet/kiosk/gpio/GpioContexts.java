package org.guichet.kiosk.gpio;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import org.guichet.kiosk.config.KioskConfig.GpioProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Creates the one Pi4J context of the kiosk, with exactly the digital input and output providers chosen in the
 * config (no plugin auto-detection, so the mock plugin shipped in the same jar never takes over real GPIO).
 */
public final class GpioContexts {

    private static final Logger LOG = LoggerFactory.getLogger(GpioContexts.class);
    private static final Path GPIO_CHIP = Path.of("/dev/gpiochip0");

    private GpioContexts() {
    }

    public static Context create(GpioProvider provider) {
        GpioProvider chosen = provider == GpioProvider.AUTO
                ? Files.exists(GPIO_CHIP) ? GpioProvider.GPIOD : GpioProvider.MOCK
                : provider;
        if (provider == GpioProvider.AUTO && chosen == GpioProvider.MOCK) {
            LOG.warn("No GPIO chip ({} missing): buttons and light use Pi4J's mock platform", GPIO_CHIP);
        }
        return switch (chosen) {
            case GPIOD -> Pi4J.newContextBuilder()
                    .add(GpioDDigitalInputProvider.newInstance(), GpioDDigitalOutputProvider.newInstance())
                    .build();
            case MOCK -> mock();
            case NONE, AUTO -> throw new IllegalArgumentException("no GPIO context for provider " + chosen);
        };
    }

    /** Pi4J's mock digital I/O: no hardware; tests drive inputs with MockDigitalInput.mockState. */
    public static Context mock() {
        return Pi4J.newContextBuilder()
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance())
                .build();
    }
}
