package org.guichet.hardware.gpio;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;

/** A Pi4J context on the mock plugin's GPIO providers only: no hardware, no auto-detection. */
final class MockGpio {

    private MockGpio() {
    }

    static Context newContext() {
        return Pi4J.newContextBuilder()
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance())
                .build();
    }
}
