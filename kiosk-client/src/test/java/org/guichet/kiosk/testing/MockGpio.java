package org.guichet.kiosk.testing;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import org.guichet.hardware.gpio.ButtonPanel;
import org.guichet.hardware.gpio.LampColor;
import org.guichet.hardware.gpio.MonotonicClock;
import org.guichet.hardware.gpio.StatusLight;
import org.guichet.kiosk.gpio.GpioContexts;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pi4J's mock GPIO for a kiosk under test, and the clock its buttons are debounced on: that clock stands still
 * until the test moves it, so a press, a bounce or a pause is placed in time without waiting.
 */
public final class MockGpio implements AutoCloseable {

    private final Context pi4j = GpioContexts.mock();
    private final AtomicLong nanos = new AtomicLong();

    public Context context() {
        return pi4j;
    }

    public MonotonicClock clock() {
        return nanos::get;
    }

    public void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    /** The contact of the button on a BCM pin; set its level with mockState. */
    public MockDigitalInput button(int bcmPin) {
        return pi4j.io(ButtonPanel.inputIdForPin(bcmPin), MockDigitalInput.class);
    }

    public DigitalOutput lamp(LampColor color) {
        return pi4j.io(StatusLight.outputIdFor(color), DigitalOutput.class);
    }

    @Override
    public void close() {
        pi4j.shutdown();
    }
}
